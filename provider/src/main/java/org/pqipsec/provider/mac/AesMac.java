package org.pqipsec.provider.mac;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.MacSpi;
import javax.crypto.SecretKey;

/**
 * The {@code Mac} services for AES-XCBC and AES-CMAC. {@link Variant} lists the algorithm names,
 * the key lengths each accepts and the tag lengths.
 */
public final class AesMac extends MacSpi {

    /** One registered algorithm: its name, IANA aliases, key rule and tag length. */
    public enum Variant {

        /**
         * {@code AES-XCBC-MAC}: AES-XCBC-MAC with the full 128-bit tag (RFC 3566 §4), for a
         * 16-byte key.
         */
        AES_XCBC_MAC("AES-XCBC-MAC", new String[0], KeyRule.XCBC_16_BYTES, 16),

        /**
         * {@code AES-XCBC-MAC-96}: AUTH_AES_XCBC_96 (IKEv2 integrity transform 5), the first 96
         * bits of the AES-XCBC-MAC tag (RFC 3566 §4), for a 16-byte key.
         */
        AES_XCBC_MAC_96("AES-XCBC-MAC-96", new String[] {"AUTH_AES_XCBC_96"},
                KeyRule.XCBC_16_BYTES, 12),

        /**
         * {@code AES-XCBC-PRF-128}: PRF_AES128_XCBC (IKEv2 PRF transform 4, RFC 4434), for a key
         * of any length.
         */
        AES_XCBC_PRF_128("AES-XCBC-PRF-128", new String[] {"PRF_AES128_XCBC"},
                KeyRule.XCBC_PRF, 16),

        /** {@code AES-CMAC}: AES-CMAC (RFC 4493, NIST SP 800-38B) for a 16-, 24- or 32-byte key. */
        AES_CMAC("AES-CMAC", new String[] {"AESCMAC"}, KeyRule.CMAC_AES_KEY, 16),

        /**
         * {@code AES-CMAC-96}: AUTH_AES_CMAC_96 (IKEv2 integrity transform 8, RFC 4494), the
         * first 96 bits of the AES-CMAC tag, for a 16-byte key.
         */
        AES_CMAC_96("AES-CMAC-96", new String[] {"AUTH_AES_CMAC_96"}, KeyRule.CMAC_16_BYTES, 12),

        /**
         * {@code AES-CMAC-PRF-128}: PRF_AES128_CMAC (IKEv2 PRF transform 8, RFC 4615), for a key
         * of any length.
         */
        AES_CMAC_PRF_128("AES-CMAC-PRF-128", new String[] {"PRF_AES128_CMAC"},
                KeyRule.CMAC_PRF, 16);

        private final String algorithm;
        private final String[] aliases;
        private final KeyRule keyRule;
        private final int tagLength;

        Variant(String algorithm, String[] aliases, KeyRule keyRule, int tagLength) {
            this.algorithm = algorithm;
            this.aliases = aliases;
            this.keyRule = keyRule;
            this.tagLength = tagLength;
        }

        /** Returns the JCA {@code Mac} algorithm name. */
        public String algorithm() {
            return algorithm;
        }

        /** Returns the aliases, the IANA IKEv2 transform names. */
        public String[] aliases() {
            return aliases.clone();
        }

        /** Returns the tag length in bytes. */
        public int tagLength() {
            return tagLength;
        }
    }

    /** How a variant turns the caller's key into the MAC state. */
    private enum KeyRule {
        XCBC_16_BYTES, XCBC_PRF, CMAC_AES_KEY, CMAC_16_BYTES, CMAC_PRF
    }

    private final Variant variant;
    private final byte[] tag = new byte[ChainedAesMac.BLOCK_LENGTH];
    private ChainedAesMac mac;

    /** Creates an uninitialized MAC of {@code variant}. */
    public AesMac(Variant variant) {
        this.variant = variant;
    }

    @Override
    protected int engineGetMacLength() {
        return variant.tagLength;
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(variant.algorithm
                    + " takes no parameters, got " + params.getClass().getName());
        }
        if (!(key instanceof SecretKey)) {
            throw new InvalidKeyException(variant.algorithm + " needs a SecretKey, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException(variant.algorithm
                    + " key is not extractable: getEncoded() returned null");
        }

        byte[] prfKey = null;
        try {
            ChainedAesMac next = switch (variant.keyRule) {
                case XCBC_16_BYTES -> AesMacKeys.xcbc(require16Bytes(encoded));
                case CMAC_16_BYTES -> AesMacKeys.cmac(require16Bytes(encoded));
                case CMAC_AES_KEY -> AesMacKeys.cmac(requireAesKey(encoded));
                case XCBC_PRF -> AesMacKeys.xcbc(prfKey = AesMacKeys.xcbcPrfKey(encoded));
                case CMAC_PRF -> AesMacKeys.cmac(prfKey = AesMacKeys.cmacPrfKey(encoded));
            };
            if (mac != null) {
                mac.destroy();
            }
            mac = next;
        } finally {
            Arrays.fill(encoded, (byte) 0);
            if (prfKey != null) {
                Arrays.fill(prfKey, (byte) 0);
            }
        }
    }

    private byte[] require16Bytes(byte[] key) throws InvalidKeyException {
        if (key.length != ChainedAesMac.BLOCK_LENGTH) {
            throw new InvalidKeyException(variant.algorithm + " key must be 16 bytes, got "
                    + key.length);
        }
        return key;
    }

    private byte[] requireAesKey(byte[] key) throws InvalidKeyException {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new InvalidKeyException(variant.algorithm
                    + " key must be 16, 24 or 32 bytes, got " + key.length);
        }
        return key;
    }

    @Override
    protected void engineUpdate(byte input) {
        requireInitialized().update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        requireInitialized().update(input, offset, length);
    }

    @Override
    protected byte[] engineDoFinal() {
        requireInitialized().doFinal(tag);
        byte[] result = Arrays.copyOf(tag, variant.tagLength);
        Arrays.fill(tag, (byte) 0);
        return result;
    }

    @Override
    protected void engineReset() {
        if (mac != null) {
            mac.reset();
        }
    }

    private ChainedAesMac requireInitialized() {
        if (mac == null) {
            // Mac.update and Mac.doFinal reject an uninitialized Mac before they get here.
            throw new IllegalStateException(variant.algorithm + " is not initialized");
        }
        return mac;
    }
}
