package org.pqipsec.provider.ikev2;

import java.io.Serial;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.pqipsec.provider.mac.AesMac;
import org.pqipsec.provider.spec.IkePrf;

/**
 * The IKEv2 PRF and prf+ (RFC 7296 §2.13) over the JDK's HMAC or this provider's AES-XCBC and
 * AES-CMAC PRFs. Callers check the inputs first. Lengths here are public values, and no branch or
 * index depends on a secret byte.
 */
final class Prf {

    private Prf() {}

    /**
     * Computes prf(key, data[0] | data[1] | ...), whose length is the PRF output length. The
     * data parts are fed to the MAC one after another, so secret parts are never copied into a
     * concatenation.
     */
    static byte[] prf(IkePrf prf, byte[] key, byte[]... data) {
        Mac mac = newMac(prf, key);
        for (byte[] part : data) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /**
     * Computes the first {@code length} bytes of prf+(key, seed[0] | seed[1] | ...). The caller
     * has checked that {@code length} is between 1 and 255 times the PRF output length.
     */
    static byte[] prfPlus(IkePrf prf, byte[] key, int length, byte[]... seed) {
        Mac mac = newMac(prf, key);
        int blockLength = prf.outputLength();
        byte[] output = new byte[length];
        byte[] block = new byte[blockLength];
        try {
            // prf+ (K,S) = T1 | T2 | T3 | T4 | ...
            // T1 = prf (K, S | 0x01)
            // Tn = prf (K, Tn-1 | S | n)
            int offset = 0;
            for (int n = 1; offset < length; n++) {
                if (n > 1) {
                    mac.update(block);
                }
                for (byte[] part : seed) {
                    mac.update(part);
                }
                mac.update((byte) n);
                mac.doFinal(block, 0);

                int take = Math.min(blockLength, length - offset);
                System.arraycopy(block, 0, output, offset, take);
                offset += take;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new ProviderException(prf.macAlgorithm() + " output did not fit its buffer", e);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /** Returns a {@code Mac} of the PRF, initialized with {@code key}. */
    static Mac newMac(IkePrf prf, byte[] key) {
        try {
            Mac mac = switch (prf) {
                case AES128_XCBC -> new DirectMac(AesMac.Variant.AES_XCBC_PRF_128);
                case AES128_CMAC -> new DirectMac(AesMac.Variant.AES_CMAC_PRF_128);
                default -> Mac.getInstance(prf.macAlgorithm());
            };
            mac.init(new BorrowedKey(key, prf.macAlgorithm()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("Failed to initialize " + prf.macAlgorithm(), e);
        }
    }

    /**
     * A {@code Mac} over this provider's AES MAC without a provider lookup, because the KDF may
     * run where the provider is not installed.
     */
    private static final class DirectMac extends Mac {

        DirectMac(AesMac.Variant variant) {
            super(new AesMac(variant), null, variant.algorithm());
        }
    }

    /**
     * A view of a caller-owned key array for {@code Mac.init}. Unlike {@code SecretKeySpec} it
     * keeps no copy of its own, so the caller's wipe of the array removes the key.
     *
     * <p>NOTE: SunJCE's HMAC in JDK 25 wipes the copy that {@link #getEncoded()} hands it, but it
     * keeps the key-derived inner and outer pads until the {@code Mac} object is garbage-collected.
     * An HMAC from another installed provider may keep more.
     */
    private static final class BorrowedKey implements SecretKey {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient byte[] key;
        private final String algorithm;

        BorrowedKey(byte[] key, String algorithm) {
            this.key = key;
            this.algorithm = algorithm;
        }

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return key.clone();
        }
    }
}
