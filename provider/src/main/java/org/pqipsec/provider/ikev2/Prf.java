package org.pqipsec.provider.ikev2;

import java.io.Serial;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
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
 *
 * <p>One instance serves one KDF object and may be used by several threads at once. For HMAC it
 * keeps an uninitialized {@code Mac} as a prototype and clones it for each computation, which
 * skips the provider lookup of {@code Mac.getInstance}. No key is ever passed to the prototype.
 * The HMAC provider is the one of highest priority when the KDF object was created.
 */
final class Prf {

    private final IkePrf prf;

    /**
     * The uninitialized HMAC that {@link #newMac} clones, or null for the AES PRFs and when the
     * HMAC cannot be cloned. Without it each HMAC computation calls {@code Mac.getInstance}.
     */
    private final Mac prototype;

    Prf(IkePrf prf) {
        this.prf = prf;
        this.prototype = prf.hasFixedKeyLength() ? null : clonablePrototype(prf);
    }

    /**
     * Computes prf(key, data[0] | data[1] | ...), whose length is the PRF output length. The
     * data parts are fed to the MAC one after another, so secret parts are never copied into a
     * concatenation.
     */
    byte[] prf(byte[] key, byte[]... data) {
        Mac mac = newMac(key);
        for (byte[] part : data) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /**
     * Computes the first {@code length} bytes of prf+(key, seed[0] | seed[1] | ...). The caller
     * has checked that {@code length} is between 1 and 255 times the PRF output length.
     */
    byte[] prfPlus(byte[] key, int length, byte[]... seed) {
        Mac mac = newMac(key);
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
    Mac newMac(byte[] key) {
        BorrowedKey macKey = new BorrowedKey(key, prf.macAlgorithm());
        try {
            Mac mac = switch (prf) {
                case AES128_XCBC -> new DirectMac(AesMac.Variant.AES_XCBC_PRF_128);
                case AES128_CMAC -> new DirectMac(AesMac.Variant.AES_CMAC_PRF_128);
                default -> clonePrototype();
            };
            if (mac != null) {
                try {
                    mac.init(macKey);
                    return mac;
                } catch (InvalidKeyException e) {
                    if (mac instanceof DirectMac) {
                        throw e;
                    }
                    // The prototype's provider was chosen without a key. When it rejects this key,
                    // Mac.getInstance below picks a provider that accepts it.
                    // NOTE: no test installs a provider whose HMAC rejects a RAW key, so this
                    // fallback has not been run.
                }
            }

            Mac selected = Mac.getInstance(prf.macAlgorithm());
            selected.init(macKey);
            return selected;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("Failed to initialize " + prf.macAlgorithm(), e);
        }
    }

    /** Returns a copy of the uninitialized HMAC prototype, or null when there is none. */
    private Mac clonePrototype() {
        if (prototype == null) {
            return null;
        }
        try {
            // HmacCore of JDK 25 only reads the object it clones. The lock still serializes the
            // clones, because another provider's clone() may write to it.
            synchronized (prototype) {
                return (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    /**
     * Returns an uninitialized HMAC of the highest-priority provider if it can be cloned, or null.
     * {@code getProvider()} makes the {@code Mac} choose its provider now, so that a later
     * {@code clone()} only reads the prototype.
     */
    private static Mac clonablePrototype(IkePrf prf) {
        try {
            Mac mac = Mac.getInstance(prf.macAlgorithm());
            mac.getProvider();
            mac.clone();
            return mac;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
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
