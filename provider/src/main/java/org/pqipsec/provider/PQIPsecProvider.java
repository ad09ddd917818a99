package org.pqipsec.provider;

import java.security.Provider;

import org.pqipsec.provider.ikev2.Ikev2KdfServices;
import org.pqipsec.provider.kem.KemServices;
import org.pqipsec.provider.kem.KeyAgreementServices;
import org.pqipsec.provider.mac.MacServices;

/**
 * The {@code PQIPsec} JCA provider: hybrid post-quantum key encapsulation and the IKEv2 key
 * schedule for IPsec.
 *
 * <p>Services (each class documents its algorithm names and parameter specs):
 * <ul>
 *   <li>{@code KEM}, {@code KeyPairGenerator} and {@code KeyFactory} for {@code X25519MLKEM768},
 *       {@code SecP256r1MLKEM768}, {@code SecP384r1MLKEM1024}, {@code X-Wing},
 *       {@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024} and {@code X25519}, where the
 *       X25519 KEM's encapsulation is the ephemeral public key (RFC 7748 Diffie-Hellman used as a
 *       KEM, as the hybrid does inside);
 *   <li>{@code KeyAgreement} for {@code X25519} (RFC 7748 §6.1 Diffie-Hellman, rejecting an
 *       all-zero shared secret), taking X25519 keys of this provider, SunEC and BouncyCastle;
 *   <li>{@code KDF} for the IKEv2 key schedule (RFC 7296 §2.13 to §2.18, RFC 9370, RFC 9242)
 *       with every IKEv2 PRF ({@code org.pqipsec.provider.spec.IkePrf});
 *   <li>{@code Mac} for AES-XCBC and AES-CMAC, which the JDK lacks: {@code AES-XCBC-MAC},
 *       {@code AES-XCBC-MAC-96}, {@code AES-XCBC-PRF-128}, {@code AES-CMAC}, {@code AES-CMAC-96}
 *       and {@code AES-CMAC-PRF-128}.
 * </ul>
 *
 * <p>The provider can be installed without code: a {@code security.provider.N=PQIPsec} line in a
 * {@code java.security} file, or {@link java.util.ServiceLoader} on the class path or module path.
 */
public final class PQIPsecProvider extends Provider {

    private static final long serialVersionUID = 1L;

    /** The name that {@code Security.getProvider} and {@code getInstance(algorithm, name)} take. */
    public static final String NAME = "PQIPsec";

    /** Creates the provider with every service registered. */
    public PQIPsecProvider() {
        super(NAME, "0.1", "pqipsec: hybrid ML-KEM key exchange and the IKEv2 key schedule");
        KemServices.register(this, this::putService);
        KeyAgreementServices.register(this, this::putService);
        Ikev2KdfServices.register(this, this::putService);
        MacServices.register(this, this::putService);
    }
}
