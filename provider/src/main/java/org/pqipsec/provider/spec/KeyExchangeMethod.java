package org.pqipsec.provider.spec;

import java.util.Optional;

/**
 * An IKEv2 key exchange method (Transform Type 4, RFC 7296 §3.3.2, RFC 9370 §2.2.1) that
 * {@code org.pqipsec.provider.ike.IkeKeyExchange} runs. The lengths are those of the Key Exchange
 * Data of the KE payload (RFC 7296 §3.4) and of the shared secret that enters SKEYSEED or KEYMAT.
 */
public enum KeyExchangeMethod {

    /** 2048-bit MODP Group, id 14 (RFC 3526 §3). */
    MODP_2048(14, "2048-bit MODP Group", 256, 256, 256),

    /** 256-bit random ECP group, id 19 (RFC 5903): x ‖ y, shared secret x. */
    ECP_256(19, "256-bit random ECP group", 64, 64, 32),

    /** 384-bit random ECP group, id 20 (RFC 5903): x ‖ y, shared secret x. */
    ECP_384(20, "384-bit random ECP group", 96, 96, 48),

    /** 521-bit random ECP group, id 21 (RFC 5903): x ‖ y, each 66 bytes, shared secret x. */
    ECP_521(21, "521-bit random ECP group", 132, 132, 66),

    /** Curve25519, id 31 (RFC 8031): the 32-byte u-coordinate. */
    CURVE25519(31, "Curve25519", 32, 32, 32),

    /** Curve448, id 32 (RFC 8031): the 56-byte u-coordinate. */
    CURVE448(32, "Curve448", 56, 56, 56),

    /** ML-KEM-512, id 35: the initiator sends ek, the responder the ciphertext (FIPS 203). */
    ML_KEM_512(35, "ML-KEM-512", 800, 768, 32),

    /** ML-KEM-768, id 36: the initiator sends ek, the responder the ciphertext (FIPS 203). */
    ML_KEM_768(36, "ML-KEM-768", 1184, 1088, 32),

    /** ML-KEM-1024, id 37: the initiator sends ek, the responder the ciphertext (FIPS 203). */
    ML_KEM_1024(37, "ML-KEM-1024", 1568, 1568, 32);

    private final int ianaId;
    private final String ianaName;
    private final int initiatorDataLength;
    private final int responderDataLength;
    private final int sharedSecretLength;

    KeyExchangeMethod(int ianaId, String ianaName, int initiatorDataLength,
            int responderDataLength, int sharedSecretLength) {
        this.ianaId = ianaId;
        this.ianaName = ianaName;
        this.initiatorDataLength = initiatorDataLength;
        this.responderDataLength = responderDataLength;
        this.sharedSecretLength = sharedSecretLength;
    }

    /** Returns the Transform ID. */
    public int ianaId() {
        return ianaId;
    }

    /** Returns the IANA name, for example {@code 384-bit random ECP group}. */
    public String ianaName() {
        return ianaName;
    }

    /** Returns the length in bytes of the initiator's Key Exchange Data. */
    public int initiatorDataLength() {
        return initiatorDataLength;
    }

    /** Returns the length in bytes of the responder's Key Exchange Data. */
    public int responderDataLength() {
        return responderDataLength;
    }

    /** Returns the length in bytes of the shared secret. */
    public int sharedSecretLength() {
        return sharedSecretLength;
    }

    /** Returns whether the method is a KEM (ML-KEM) rather than a Diffie-Hellman group. */
    public boolean isKem() {
        return ianaId >= 35 && ianaId <= 37;
    }

    /** Returns the method with Transform ID {@code ianaId}, or an empty result. */
    public static Optional<KeyExchangeMethod> fromIanaId(int ianaId) {
        for (KeyExchangeMethod method : values()) {
            if (method.ianaId == ianaId) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
