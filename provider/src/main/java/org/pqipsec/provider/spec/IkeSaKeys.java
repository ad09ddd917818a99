package org.pqipsec.provider.spec;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

import org.pqipsec.provider.key.DestroyableSecretKey;

/**
 * The seven keys of an IKE SA, split from the prf+ output of RFC 7296 §2.14:
 *
 * <pre>
 * {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr)
 * </pre>
 *
 * <p>The keys are raw ({@code getFormat()} is {@code "RAW"}) with these algorithm names:
 * <ul>
 *   <li>SK_d, SK_pi and SK_pr: the PRF's {@code Mac} algorithm, for example {@code "HmacSHA256"},
 *       because each of them keys the negotiated PRF;
 *   <li>SK_ai and SK_ar: the IANA name of the integrity algorithm, for example
 *       {@code "AUTH_HMAC_SHA2_256_128"}, and SK_ei and SK_er: the IANA name and key length of
 *       the encryption transform, for example {@code "ENCR_AES_GCM_16-256"}, when the spec was
 *       created from transforms. Otherwise {@code "INTEG"} and {@code "ENCR"}, the IKEv2 names
 *       of the integrity and encryption transform types. The caller builds the cipher's key from
 *       these bytes. For AES-GCM that means splitting off the 4-byte salt at the end (RFC 5282
 *       §7.1).
 * </ul>
 *
 * <p>{@link #destroy()} overwrites every key with zeros.
 */
public final class IkeSaKeys implements Destroyable {

    /** The algorithm name of SK_ai and SK_ar. */
    public static final String INTEGRITY_KEY_ALGORITHM = "INTEG";

    /** The algorithm name of SK_ei and SK_er. */
    public static final String ENCRYPTION_KEY_ALGORITHM = "ENCR";

    private final DestroyableSecretKey skD;
    private final DestroyableSecretKey skAi;
    private final DestroyableSecretKey skAr;
    private final DestroyableSecretKey skEi;
    private final DestroyableSecretKey skEr;
    private final DestroyableSecretKey skPi;
    private final DestroyableSecretKey skPr;

    private IkeSaKeys(IkePrf prf, byte[] keyMaterial, int integrityKeyLength,
            int encryptionKeyLength, String integrityKeyAlgorithm, String encryptionKeyAlgorithm) {
        int prfLength = prf.outputLength();
        String prfKeyAlgorithm = prf.macAlgorithm();
        int offset = 0;

        skD = new DestroyableSecretKey(keyMaterial, offset, prfLength, prfKeyAlgorithm);
        offset += prfLength;

        if (integrityKeyLength > 0) {
            skAi = new DestroyableSecretKey(
                    keyMaterial, offset, integrityKeyLength, integrityKeyAlgorithm);
            offset += integrityKeyLength;
            skAr = new DestroyableSecretKey(
                    keyMaterial, offset, integrityKeyLength, integrityKeyAlgorithm);
            offset += integrityKeyLength;
        } else {
            skAi = null;
            skAr = null;
        }

        skEi = new DestroyableSecretKey(
                keyMaterial, offset, encryptionKeyLength, encryptionKeyAlgorithm);
        offset += encryptionKeyLength;
        skEr = new DestroyableSecretKey(
                keyMaterial, offset, encryptionKeyLength, encryptionKeyAlgorithm);
        offset += encryptionKeyLength;

        skPi = new DestroyableSecretKey(keyMaterial, offset, prfLength, prfKeyAlgorithm);
        offset += prfLength;
        skPr = new DestroyableSecretKey(keyMaterial, offset, prfLength, prfKeyAlgorithm);
    }

    /**
     * Derives the IKE SA keys with {@code kdf} and splits them. The intermediate prf+ output is
     * wiped before this method returns.
     *
     * @param kdf a KDF of this provider for {@code prf}, such as {@code
     *     KDF.getInstance(prf.kdfAlgorithm())}
     * @param prf the negotiated PRF
     * @param spec the derivation parameters
     * @throws InvalidAlgorithmParameterException if {@code kdf} rejects {@code spec}
     * @throws IllegalArgumentException if {@code kdf} does not use {@code prf}: its algorithm
     *     name belongs to another {@link IkePrf}, or its output has the wrong length
     */
    public static IkeSaKeys derive(KDF kdf, IkePrf prf, IkeSaKeysParameterSpec spec)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(spec, "spec");
        checkKdfMatches(kdf, prf);

        byte[] keyMaterial = kdf.deriveData(spec);
        try {
            long expected = 3L * prf.outputLength() + 2L * spec.integrityKeyLength()
                    + 2L * spec.encryptionKeyLength();
            if (keyMaterial.length != expected) {
                throw new IllegalArgumentException("KDF " + kdf.getAlgorithm() + " returned "
                        + keyMaterial.length + " bytes, but prf " + prf + " needs " + expected
                        + " bytes: the KDF must run the IKEv2 key schedule with " + prf
                        + " (" + prf.kdfAlgorithm() + ")");
            }
            IkeSaKeys keys = split(
                    prf, keyMaterial, spec.integrityKeyLength(), spec.encryptionKeyLength());
            if (spec.encryption().isEmpty()) {
                return keys;
            }
            keys.destroy();
            String integrityName = spec.integrity()
                    .map(IntegrityAlgorithm::ianaName).orElse(INTEGRITY_KEY_ALGORITHM);
            return new IkeSaKeys(prf, keyMaterial, spec.integrityKeyLength(),
                    spec.encryptionKeyLength(), integrityName,
                    spec.encryption().get().keyAlgorithm());
        } finally {
            Arrays.fill(keyMaterial, (byte) 0);
        }
    }

    /**
     * Rejects a {@code kdf} whose algorithm name or alias belongs to another {@link IkePrf}.
     * Names this provider does not register pass, and the output length check catches them.
     */
    private static void checkKdfMatches(KDF kdf, IkePrf prf) {
        String algorithm = kdf.getAlgorithm();
        for (IkePrf other : IkePrf.values()) {
            boolean named = algorithm.equalsIgnoreCase(other.kdfAlgorithm())
                    || algorithm.equalsIgnoreCase(other.kdfAlias());
            if (named && other != prf) {
                throw new IllegalArgumentException("KDF " + algorithm + " runs the IKEv2 key"
                        + " schedule with " + other + ", but prf is " + prf + ": use "
                        + "KDF.getInstance(\"" + prf.kdfAlgorithm() + "\") or IkePrf." + other);
            }
        }
    }

    /**
     * Splits {@code keyMaterial}, the prf+ output of RFC 7296 §2.14, into the seven keys. The
     * keys are copies, so the caller still owns {@code keyMaterial} and should wipe it.
     *
     * @param prf the negotiated PRF, which sets the length of SK_d, SK_pi and SK_pr
     * @param keyMaterial SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr
     * @param integrityKeyLength the length in bytes of SK_ai and SK_ar; 0 for an AEAD cipher
     * @param encryptionKeyLength the length in bytes of SK_ei and SK_er, salt included
     * @throws IllegalArgumentException if a length is out of range or {@code keyMaterial} is not
     *     exactly 3 * PRF output length + 2 * integrityKeyLength + 2 * encryptionKeyLength bytes
     */
    public static IkeSaKeys split(
            IkePrf prf, byte[] keyMaterial, int integrityKeyLength, int encryptionKeyLength) {
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        if (integrityKeyLength < 0) {
            throw new IllegalArgumentException(
                    "integrityKeyLength must be 0 or more, got " + integrityKeyLength);
        }
        if (encryptionKeyLength < 1) {
            throw new IllegalArgumentException(
                    "encryptionKeyLength must be 1 or more, got " + encryptionKeyLength);
        }

        long expected =
                3L * prf.outputLength() + 2L * integrityKeyLength + 2L * encryptionKeyLength;
        if (keyMaterial.length != expected) {
            throw new IllegalArgumentException("keyMaterial must be " + expected + " bytes for "
                    + prf + " with integrityKeyLength " + integrityKeyLength
                    + " and encryptionKeyLength " + encryptionKeyLength + ", got "
                    + keyMaterial.length);
        }
        return new IkeSaKeys(prf, keyMaterial, integrityKeyLength, encryptionKeyLength,
                INTEGRITY_KEY_ALGORITHM, ENCRYPTION_KEY_ALGORITHM);
    }

    /** Returns SK_d, the key for deriving Child SA keys and the next SKEYSEED. */
    public SecretKey skD() {
        return skD;
    }

    /**
     * Returns SK_ai, the integrity key for messages from the original initiator, or an empty
     * result for an AEAD cipher.
     */
    public Optional<SecretKey> skAi() {
        return Optional.ofNullable(skAi);
    }

    /**
     * Returns SK_ar, the integrity key for messages from the original responder, or an empty
     * result for an AEAD cipher.
     */
    public Optional<SecretKey> skAr() {
        return Optional.ofNullable(skAr);
    }

    /** Returns SK_ei, the encryption key for messages from the original initiator. */
    public SecretKey skEi() {
        return skEi;
    }

    /** Returns SK_er, the encryption key for messages from the original responder. */
    public SecretKey skEr() {
        return skEr;
    }

    /** Returns SK_pi, the key for the initiator's AUTH payload (RFC 7296 §2.15). */
    public SecretKey skPi() {
        return skPi;
    }

    /** Returns SK_pr, the key for the responder's AUTH payload (RFC 7296 §2.15). */
    public SecretKey skPr() {
        return skPr;
    }

    /** Overwrites all seven keys with zeros. */
    @Override
    public void destroy() {
        skD.destroy();
        if (skAi != null) {
            skAi.destroy();
            skAr.destroy();
        }
        skEi.destroy();
        skEr.destroy();
        skPi.destroy();
        skPr.destroy();
    }

    /** Returns whether {@link #destroy()} has run. */
    @Override
    public boolean isDestroyed() {
        return skD.isDestroyed();
    }
}
