package org.pqipsec.provider.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IKEv2 Transform IDs that this library supports, by Transform Type (RFC 7296 §3.3.2):
 * the encryption and integrity algorithms whose keys the key schedule splits
 * ({@link EncryptionAlgorithm}, {@link IntegrityAlgorithm}), the PRFs of the {@code KDF}
 * services ({@link IkePrf}) and the key exchange methods of
 * {@code org.pqipsec.provider.ike.IkeKeyExchange} ({@link KeyExchangeMethod}).
 */
public final class IkeTransforms {

    private IkeTransforms() {}

    /** An IKEv2 Transform Type with its IANA number. */
    public enum TransformType {
        /** Encryption Algorithm (ENCR), type 1. */
        ENCR(1),
        /** Pseudorandom Function (PRF), type 2. */
        PRF(2),
        /** Integrity Algorithm (INTEG), type 3. */
        INTEG(3),
        /** Key Exchange Method (KE), type 4. */
        KE(4);

        private final int number;

        TransformType(int number) {
            this.number = number;
        }

        /** Returns the Transform Type number. */
        public int number() {
            return number;
        }
    }

    /** Returns the supported Transform IDs of {@code type}, in ascending order. */
    public static List<Integer> supportedIds(TransformType type) {
        int[] ids = switch (type) {
            case ENCR -> Arrays.stream(EncryptionAlgorithm.values())
                    .mapToInt(EncryptionAlgorithm::ianaId).toArray();
            case PRF -> Arrays.stream(IkePrf.values()).mapToInt(IkePrf::ianaId).toArray();
            case INTEG -> Arrays.stream(IntegrityAlgorithm.values())
                    .mapToInt(IntegrityAlgorithm::ianaId).toArray();
            case KE -> Arrays.stream(KeyExchangeMethod.values())
                    .mapToInt(KeyExchangeMethod::ianaId).toArray();
        };
        return Arrays.stream(ids).sorted().boxed().toList();
    }

    /** Returns whether Transform ID {@code id} of {@code type} is supported. */
    public static boolean isSupported(TransformType type, int id) {
        return name(type, id).isPresent();
    }

    /**
     * Returns the IANA name of Transform ID {@code id} of {@code type}, or an empty result if the
     * library does not support it. PRF names are those of the IANA registry, for example
     * {@code PRF_HMAC_SHA2_256}.
     */
    public static Optional<String> name(TransformType type, int id) {
        return switch (type) {
            case ENCR -> EncryptionAlgorithm.fromIanaId(id).map(EncryptionAlgorithm::ianaName);
            case PRF -> IkePrf.fromIanaId(id).map(prf -> "PRF_" + prf.name());
            case INTEG -> IntegrityAlgorithm.fromIanaId(id).map(IntegrityAlgorithm::ianaName);
            case KE -> KeyExchangeMethod.fromIanaId(id).map(KeyExchangeMethod::ianaName);
        };
    }
}
