package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * ML-KEM.KeyGen_internal, Encaps_internal and Decaps_internal (FIPS 203 Algorithms 16, 17 and
 * 18) with the key checks of FIPS 203 §7.2 and §7.3. The randomness d, z and m comes in as
 * arguments, which makes these the deterministic entry points that tests drive.
 *
 * <p>Constant time: Decaps_internal compares c with the re-encryption c' by OR-accumulating the
 * XOR of every byte pair, and selects K' or K̄ with a mask, so neither the comparison nor the
 * choice branches on secret data.
 */
final class MlKemInternal {

    private MlKemInternal() {}

    /**
     * ML-KEM.KeyGen_internal(d, z) (Algorithm 16). Returns {ek, dk} with
     * dk = dk_PKE ‖ ek ‖ H(ek) ‖ z; the caller zeroes dk.
     */
    static byte[][] keyGen(MlKemParameterSet set, byte[] d, byte[] z) {
        GeneratedKeys keys = generate(set, d, z);
        keys.decapsulationKey().clear();
        return new byte[][] {keys.ek(), keys.dk()};
    }

    /**
     * The output of ML-KEM.KeyGen_internal: ek and dk, and both keys in the parsed form that
     * Encaps_internal and Decaps_internal use. The caller zeroes dk and the decapsulation key.
     */
    record GeneratedKeys(byte[] ek, byte[] dk, EncapsulationKey encapsulationKey,
            DecapsulationKey decapsulationKey) {}

    /**
     * ML-KEM.KeyGen_internal(d, z) (Algorithm 16), returning the encoded keys together with their
     * parsed forms.
     *
     * <p>The parsed keys hold the t̂, Â, ŝ and H(ek) that key generation computed, so that the
     * first encapsulation or decapsulation with them skips decoding ek and dk and expanding Â
     * again. They also skip the §7.3 hash check, which detects a dk whose stored H(ek) does not
     * belong to its ek. Here H(ek) is computed from the ek written into dk a few lines below, so
     * the check cannot fail. The §7.2 modulus check likewise holds by construction,
     * because ByteEncode_12 writes coefficients of t̂ that are already below q.
     */
    static GeneratedKeys generate(MlKemParameterSet set, byte[] d, byte[] z) {
        KPke.KeyPair pke = KPke.keyGen(set, d);
        byte[] ek = pke.ek();
        byte[] dkPke = pke.dk();
        byte[] h = Keccak.sha3_256(ek);

        // dk = dk_PKE ‖ ek ‖ H(ek) ‖ z (line 3)
        byte[] dk = new byte[set.decapsulationKeyLength()];
        int offset = 0;
        System.arraycopy(dkPke, 0, dk, offset, dkPke.length);
        offset += dkPke.length;
        System.arraycopy(ek, 0, dk, offset, ek.length);
        offset += ek.length;
        System.arraycopy(h, 0, dk, offset, 32);
        offset += 32;
        System.arraycopy(z, 0, dk, offset, 32);
        Arrays.fill(dkPke, (byte) 0);

        EncapsulationKey encapsulationKey =
                new EncapsulationKey(set, ek.clone(), h, pke.encryptionKey());
        DecapsulationKey decapsulationKey =
                new DecapsulationKey(set, pke.sHat(), encapsulationKey, z.clone());
        return new GeneratedKeys(ek, dk, encapsulationKey, decapsulationKey);
    }

    /**
     * Runs the FIPS 203 §7.2 checks on an encapsulation key: the length 384k + 32 and the
     * modulus check (every ByteDecode_12 value below q).
     *
     * @throws InvalidKeyException naming the failed check, and for the modulus check the position
     *     and value of the first coefficient of q or more (ek is public)
     */
    static void checkEncapsulationKey(MlKemParameterSet set, byte[] ek) throws InvalidKeyException {
        if (ek.length != set.encapsulationKeyLength()) {
            throw new InvalidKeyException(set + " encapsulation key must be "
                    + set.encapsulationKeyLength() + " bytes (FIPS 203 §7.2 length check), got "
                    + ek.length);
        }
        int bad = MlKemEncoding.firstValueNotBelowQ(ek, set.k());
        if (bad >= 0) {
            throw new InvalidKeyException(set + " encapsulation key fails the FIPS 203 §7.2"
                    + " modulus check: coefficient " + (bad & 0xff) + " of t̂[" + (bad >>> 8)
                    + "] is " + MlKemEncoding.valueAt(ek, bad) + ", not below q = "
                    + MlKemField.Q);
        }
    }

    /**
     * Runs the FIPS 203 §7.3 checks on an expanded decapsulation key: the length 768k + 96 and
     * the hash check H(dk[384k : 768k + 32]) = dk[768k + 32 : 768k + 64].
     *
     * @throws InvalidKeyException naming the failed check
     */
    static void checkDecapsulationKey(MlKemParameterSet set, byte[] dk) throws InvalidKeyException {
        if (dk.length != set.decapsulationKeyLength()) {
            throw new InvalidKeyException(set + " decapsulation key must be "
                    + set.decapsulationKeyLength() + " bytes (FIPS 203 §7.3 length check), got "
                    + dk.length);
        }
        int ekStart = MlKemEncoding.POLYNOMIAL_BYTES * set.k();
        int hStart = ekStart + set.encapsulationKeyLength();
        byte[] computed = new byte[32];
        Keccak.sha3_256(dk, ekStart, set.encapsulationKeyLength(), computed, 0);
        byte[] h = Arrays.copyOfRange(dk, hStart, hStart + 32);
        if (!MessageDigest.isEqual(computed, h)) {
            throw new InvalidKeyException(set + " decapsulation key fails the FIPS 203 §7.3 hash"
                    + " check: the stored H(ek) does not match the embedded ek");
        }
    }

    /** An encapsulation key that passed the §7.2 checks, parsed for repeated use. */
    static final class EncapsulationKey {

        final MlKemParameterSet set;
        final byte[] ek;
        /** H(ek), the second input of G in Algorithms 17 and 18. */
        final byte[] h;
        final KPke.EncryptionKey pke;

        private EncapsulationKey(MlKemParameterSet set, byte[] ek, byte[] h,
                KPke.EncryptionKey pke) {
            this.set = set;
            this.ek = ek;
            this.h = h;
            this.pke = pke;
        }

        /**
         * Checks (§7.2) and parses a copy of {@code ek}.
         *
         * @throws InvalidKeyException if a check fails
         */
        static EncapsulationKey parse(MlKemParameterSet set, byte[] ek) throws InvalidKeyException {
            checkEncapsulationKey(set, ek);
            return parseChecked(set, ek);
        }

        /**
         * Parses a copy of {@code ek}, which must have passed {@link #checkEncapsulationKey}
         * already: the length is checked again, and the modulus check is not.
         */
        static EncapsulationKey parseChecked(MlKemParameterSet set, byte[] ek) {
            if (ek.length != set.encapsulationKeyLength()) {
                throw new IllegalArgumentException(set + " encapsulation key must be "
                        + set.encapsulationKeyLength() + " bytes, got " + ek.length);
            }
            byte[] copy = ek.clone();
            return new EncapsulationKey(set, copy, Keccak.sha3_256(copy),
                    KPke.EncryptionKey.parse(set, copy, 0));
        }
    }

    /**
     * ML-KEM.Encaps_internal(ek, m) (Algorithm 17). Returns {K, c}; the caller zeroes K.
     */
    static byte[][] encaps(EncapsulationKey key, byte[] m) {
        byte[] kr = Keccak.sha3_512(m, key.h);
        byte[] sharedSecret = Arrays.copyOfRange(kr, 0, 32);
        byte[] r = Arrays.copyOfRange(kr, 32, 64);
        Arrays.fill(kr, (byte) 0);

        byte[] c = KPke.encrypt(key.set, key.pke, m, r);
        Arrays.fill(r, (byte) 0);
        return new byte[][] {sharedSecret, c};
    }

    /** An expanded decapsulation key that passed the §7.3 checks, parsed for repeated use. */
    static final class DecapsulationKey {

        final MlKemParameterSet set;
        /** ŝ, decoded from dk_PKE. */
        final NttElement[] sHat;
        /** The embedded ek with H(ek); K-PKE.Encrypt re-encrypts with it. */
        final EncapsulationKey encapsulationKey;
        /** z, the implicit-rejection seed. */
        final byte[] z;

        private DecapsulationKey(MlKemParameterSet set, NttElement[] sHat,
                EncapsulationKey encapsulationKey, byte[] z) {
            this.set = set;
            this.sHat = sHat;
            this.encapsulationKey = encapsulationKey;
            this.z = z;
        }

        /**
         * Checks (§7.3) and parses {@code dk}, which is not modified. The embedded ek is used as
         * it is: §7.3 requires only the hash check, and ByteDecode_12 reduces any value of q or
         * more.
         *
         * @throws InvalidKeyException if a check fails
         */
        static DecapsulationKey parse(MlKemParameterSet set, byte[] dk) throws InvalidKeyException {
            checkDecapsulationKey(set, dk);
            int k = set.k();
            int ekStart = MlKemEncoding.POLYNOMIAL_BYTES * k;
            int hStart = ekStart + set.encapsulationKeyLength();
            byte[] ek = Arrays.copyOfRange(dk, ekStart, hStart);
            byte[] h = Arrays.copyOfRange(dk, hStart, hStart + 32);
            EncapsulationKey embedded = new EncapsulationKey(set, ek, h,
                    KPke.EncryptionKey.parse(set, ek, 0));
            return new DecapsulationKey(set, MlKemEncoding.decodeVector(dk, 0, k), embedded,
                    Arrays.copyOfRange(dk, hStart + 32, hStart + 64));
        }

        /** Returns a copy with its own ŝ and z, sharing the public encapsulation key. */
        DecapsulationKey copy() {
            NttElement[] sHatCopy = new NttElement[sHat.length];
            for (int i = 0; i < sHat.length; i++) {
                sHatCopy[i] = new NttElement(sHat[i].f.clone());
            }
            return new DecapsulationKey(set, sHatCopy, encapsulationKey, z.clone());
        }

        /** Zeroes ŝ and z. */
        void clear() {
            KPke.clear(sHat);
            Arrays.fill(z, (byte) 0);
        }
    }

    /**
     * ML-KEM.Decaps_internal(dk, c) (Algorithm 18) on a ciphertext of the exact length. Returns
     * K' when c re-encrypts to itself and the implicit-rejection secret K̄ = J(z ‖ c) otherwise;
     * the caller zeroes it.
     */
    static byte[] decaps(DecapsulationKey key, byte[] c) {
        MlKemParameterSet set = key.set;
        byte[] mPrime = KPke.decrypt(set, key.sHat, c);
        byte[] kr = Keccak.sha3_512(mPrime, key.encapsulationKey.h);
        byte[] kPrime = Arrays.copyOfRange(kr, 0, 32);
        byte[] rPrime = Arrays.copyOfRange(kr, 32, 64);
        Arrays.fill(kr, (byte) 0);

        byte[] kBar = new byte[32];
        Keccak j = Keccak.shake256();
        j.absorb(key.z, 0, 32);
        j.absorb(c, 0, c.length);
        j.squeeze(kBar, 0, 32);
        j.clear();

        byte[] cPrime = KPke.encrypt(set, key.encapsulationKey.pke, mPrime, rPrime);
        Arrays.fill(mPrime, (byte) 0);
        Arrays.fill(rPrime, (byte) 0);

        int difference = 0;
        for (int i = 0; i < c.length; i++) {
            // Masked to 8 bits: a sign-extended byte XOR would make difference negative, and the
            // mask below would then read a mismatch as equality.
            difference |= (c[i] ^ cPrime[i]) & 0xff;
        }
        // difference is in [0, 255]: the mask is all ones exactly when c = c'.
        int equal = (difference - 1) >> 31;
        // branching version: return Arrays.equals(c, cPrime) ? kPrime : kBar;
        byte[] sharedSecret = new byte[32];
        for (int i = 0; i < 32; i++) {
            sharedSecret[i] = (byte) ((kPrime[i] & equal) | (kBar[i] & ~equal));
        }
        Arrays.fill(kPrime, (byte) 0);
        Arrays.fill(kBar, (byte) 0);
        return sharedSecret;
    }
}
