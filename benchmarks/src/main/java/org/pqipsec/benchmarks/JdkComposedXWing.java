package org.pqipsec.benchmarks;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;

import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

/**
 * X-Wing (draft-connolly-cfrg-xwing-kem-10 §5) composed from JDK components: SunJCE ML-KEM-768
 * through {@link JcaKem}, SunEC X25519 ({@code KeyPairGenerator}, {@code KeyFactory "XDH"} and
 * {@code KeyAgreement}) and the SUN provider's SHA3-256 for the §5.3 combiner
 * SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel). ct_X and pk_X enter the hash as 32-byte
 * little-endian u-coordinates (RFC 7748 §5), and the recipient turns ct_X back into a SunEC
 * public key, as the KEM does.
 *
 * <p>Left out, so this composition does less work than the KEM: the 32-byte decapsulation key
 * seed and its SHAKE256 expansion (§5.2), because SunJCE's ML-KEM cannot generate a key pair
 * from a given seed (JDK 25). Key pairs are generated directly and decapsulation uses the stored
 * keys, with pk_X encoded once at key generation. The concatenations ct_M ‖ ct_X and
 * pk_M ‖ pk_X are also left out.
 */
final class JdkComposedXWing
        implements KemCandidate<JdkComposedXWing.KeyPair, JdkComposedXWing.Encapsulated> {

    /** XWingLabel of §5.3, the ASCII string "\./" "/^\". */
    private static final byte[] LABEL = {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c};

    /** Length of an X25519 u-coordinate and of pk_X and ct_X (RFC 7748 §5). */
    private static final int X25519_LENGTH = 32;

    /** The recipient's keys: the ML-KEM-768 and X25519 pairs and pk_X as bytes. */
    record KeyPair(java.security.KeyPair mlKem, java.security.KeyPair x25519, byte[] pkX) {}

    /** The sender's output: the ML-KEM-768 output (ct_M), ct_X and the combined secret. */
    record Encapsulated(KEM.Encapsulated mlKem, byte[] ctX, byte[] secret) {}

    private final JcaKem mlKem;
    private final KeyPairGenerator x25519Generator;
    private final KeyFactory x25519Factory;
    private final KeyAgreement x25519Agreement;
    private final MessageDigest sha3;

    JdkComposedXWing() throws GeneralSecurityException {
        mlKem = new JcaKem("ML-KEM-768", Providers.jdk("SunJCE"));
        x25519Generator = KeyPairGenerator.getInstance("X25519", Providers.jdk("SunEC"));
        x25519Factory = KeyFactory.getInstance("XDH", Providers.jdk("SunEC"));
        x25519Agreement = KeyAgreement.getInstance("X25519", Providers.jdk("SunEC"));
        sha3 = MessageDigest.getInstance("SHA3-256", Providers.jdk("SUN"));
    }

    @Override
    public KeyPair generateKeyPair() {
        java.security.KeyPair x25519 = x25519Generator.generateKeyPair();
        return new KeyPair(mlKem.generateKeyPair(), x25519, encodeU(x25519.getPublic()));
    }

    /** Runs Encapsulate of §5.4. */
    @Override
    public Encapsulated encapsulate(KeyPair recipient) throws GeneralSecurityException {
        KEM.Encapsulated mlKemOutput = mlKem.encapsulate(recipient.mlKem());
        byte[] ssM = mlKem.senderSecret(mlKemOutput);

        // ek_X is a fresh X25519 key: ct_X = X25519(ek_X, 9), ss_X = X25519(ek_X, pk_X).
        java.security.KeyPair ephemeral = x25519Generator.generateKeyPair();
        byte[] ctX = encodeU(ephemeral.getPublic());
        x25519Agreement.init(ephemeral.getPrivate());
        x25519Agreement.doPhase(recipient.x25519().getPublic(), true);
        byte[] ssX = x25519Agreement.generateSecret();

        byte[] secret = combine(ssM, ssX, ctX, recipient.pkX());
        return new Encapsulated(mlKemOutput, ctX, secret);
    }

    /** Runs Decapsulate of §5.5 with the stored keys in place of the expanded seed. */
    @Override
    public byte[] decapsulate(KeyPair recipient, Encapsulated encapsulated) throws GeneralSecurityException {
        byte[] ssM = mlKem.decapsulate(recipient.mlKem(), encapsulated.mlKem());

        PublicKey ctX = x25519Factory.generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, decodeU(encapsulated.ctX())));
        x25519Agreement.init(recipient.x25519().getPrivate());
        x25519Agreement.doPhase(ctX, true);
        byte[] ssX = x25519Agreement.generateSecret();

        return combine(ssM, ssX, encapsulated.ctX(), recipient.pkX());
    }

    @Override
    public byte[] senderSecret(Encapsulated encapsulated) {
        return encapsulated.secret();
    }

    /** Computes SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel) of §5.3. */
    private byte[] combine(byte[] ssM, byte[] ssX, byte[] ctX, byte[] pkX) {
        sha3.update(ssM);
        sha3.update(ssX);
        sha3.update(ctX);
        sha3.update(pkX);
        sha3.update(LABEL);
        return sha3.digest();
    }

    /** Encodes the u-coordinate of an X25519 public key little-endian in 32 bytes (RFC 7748 §5). */
    private static byte[] encodeU(PublicKey key) {
        byte[] bigEndian = ((XECPublicKey) key).getU().toByteArray();
        byte[] encoded = new byte[X25519_LENGTH];
        // toByteArray() is big-endian and may start with a sign byte, so reverse the low 32 bytes.
        int length = Math.min(bigEndian.length, X25519_LENGTH);
        for (int i = 0; i < length; i++) {
            encoded[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return encoded;
    }

    /** Decodes a 32-byte little-endian u-coordinate written by {@link #encodeU}. */
    private static BigInteger decodeU(byte[] encoded) {
        byte[] bigEndian = new byte[X25519_LENGTH];
        for (int i = 0; i < X25519_LENGTH; i++) {
            bigEndian[i] = encoded[X25519_LENGTH - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }
}
