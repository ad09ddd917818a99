package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for SKEYSEED of a new IKE SA (RFC 7296 §2.14):
 *
 * <pre>
 * SKEYSEED = prf(Ni | Nr, g^ir)
 * </pre>
 *
 * <p>{@code deriveData} returns SKEYSEED, whose length is the PRF output length.
 *
 * <p>The spec copies the byte arrays it takes and returns, and keeps a reference to the key.
 * The KDF checks the values when it derives and rejects bad ones with
 * {@code InvalidAlgorithmParameterException}: both nonces must be non-empty and the shared secret
 * must be extractable and non-empty. The KDF accepts nonces of any non-empty length because
 * NIST's CAVP IKEv2 records use 8-byte nonces. The 16-to-256-byte rule of RFC 7296 §3.9 is for
 * the protocol layer to enforce.
 */
public final class SkeyseedParameterSpec implements AlgorithmParameterSpec {

    private final byte[] ni;
    private final byte[] nr;
    private final SecretKey sharedSecret;

    /**
     * Creates the parameters for SKEYSEED.
     *
     * @param ni the initiator's nonce Ni, without the payload header
     * @param nr the responder's nonce Nr, without the payload header
     * @param sharedSecret the key exchange's shared secret g^ir, in the encoding that the key
     *     exchange method defines
     */
    public SkeyseedParameterSpec(byte[] ni, byte[] nr, SecretKey sharedSecret) {
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.sharedSecret = sharedSecret;
    }

    /** Returns a copy of the initiator's nonce Ni, or null if it was null. */
    public byte[] ni() {
        return SpecBytes.copy(ni);
    }

    /** Returns a copy of the responder's nonce Nr, or null if it was null. */
    public byte[] nr() {
        return SpecBytes.copy(nr);
    }

    /** Returns the shared secret g^ir. */
    public SecretKey sharedSecret() {
        return sharedSecret;
    }
}
