package org.pqipsec.provider.kem;

import java.util.Arrays;

/**
 * K-PKE, the public-key encryption scheme inside ML-KEM: KeyGen, Encrypt and Decrypt (FIPS 203
 * Algorithms 13, 14 and 15).
 *
 * <p>Constant time: the only branches and indices are on positions, on k, η, du and dv, and on
 * the public seed ρ in SampleNTT. Secrets (d, σ, r, m, ŝ, y, e) flow through
 * {@link MlKemField}, {@link MlKemNtt}, {@link MlKemSampling} and {@link MlKemEncoding}, which
 * run in constant time. Secret polynomials are zeroed after their last use.
 */
final class KPke {

    private KPke() {}

    /** An encryption key ek_PKE parsed for repeated use: t̂ and the transpose of Â. */
    static final class EncryptionKey {

        /** t̂, decoded from ek_PKE[0 : 384k]. */
        final NttElement[] tHat;

        /** aTranspose[i][j] = Â[j, i] = SampleNTT(ρ ‖ i ‖ j). */
        final NttElement[][] aTranspose;

        private EncryptionKey(NttElement[] tHat, NttElement[][] aTranspose) {
            this.tHat = tHat;
            this.aTranspose = aTranspose;
        }

        /**
         * Parses ek_PKE = ByteEncode_12(t̂) ‖ ρ, which must have passed the modulus check, and
         * expands Â^T from ρ (Algorithm 14, lines 2 to 8).
         */
        static EncryptionKey parse(MlKemParameterSet set, byte[] ek, int offset) {
            int k = set.k();
            NttElement[] tHat = MlKemEncoding.decodeVector(ek, offset, k);
            byte[] rho = Arrays.copyOfRange(ek, offset + MlKemEncoding.POLYNOMIAL_BYTES * k,
                    offset + MlKemEncoding.POLYNOMIAL_BYTES * k + 32);
            return new EncryptionKey(tHat, transpose(MlKemSampling.expandMatrix(rho, k)));
        }

        /** Returns the matrix whose entry [i][j] is {@code matrix[j][i]}, sharing the entries. */
        static NttElement[][] transpose(NttElement[][] matrix) {
            int k = matrix.length;
            NttElement[][] transposed = new NttElement[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    transposed[i][j] = matrix[j][i];
                }
            }
            return transposed;
        }
    }

    /**
     * The output of K-PKE.KeyGen with the values it computed on the way: ek_PKE, dk_PKE, the
     * parsed encryption key (t̂ and Â^T) and ŝ. The caller zeroes dk_PKE and ŝ.
     */
    record KeyPair(byte[] ek, byte[] dk, EncryptionKey encryptionKey, NttElement[] sHat) {}

    /**
     * K-PKE.KeyGen(d) (Algorithm 13). Returns ek_PKE = ByteEncode_12(t̂) ‖ ρ (384k + 32 bytes)
     * and dk_PKE = ByteEncode_12(ŝ) (384k bytes), with t̂, Â^T and ŝ kept in parsed form, so
     * that a key made here needs no decoding and no second expansion of Â.
     */
    static KeyPair keyGen(MlKemParameterSet set, byte[] d) {
        int k = set.k();
        byte[] rhoSigma = Keccak.sha3_512(d, new byte[] {(byte) k});
        byte[] rho = Arrays.copyOfRange(rhoSigma, 0, 32);
        byte[] sigma = Arrays.copyOfRange(rhoSigma, 32, 64);
        Arrays.fill(rhoSigma, (byte) 0);

        NttElement[][] aHat = MlKemSampling.expandMatrix(rho, k);
        int n = 0;
        NttElement[] sHat = new NttElement[k];
        for (int i = 0; i < k; i++) {
            sHat[i] = MlKemNtt.nttInPlace(MlKemSampling.sampleCbd(sigma, n++, set.eta1()));
        }
        NttElement[] tHat = new NttElement[k];
        int[][] sGamma = MlKemNtt.gammaProducts(sHat);
        for (int i = 0; i < k; i++) {
            NttElement eHat = MlKemNtt.nttInPlace(MlKemSampling.sampleCbd(sigma, n++, set.eta1()));
            // t̂ = Â∘ŝ + ê (line 18)
            tHat[i] = MlKemNtt.dot(aHat[i], sHat, sGamma).addInPlace(eHat);
            eHat.clear();
        }
        MlKemNtt.clear(sGamma);
        Arrays.fill(sigma, (byte) 0);

        byte[] tEncoded = MlKemEncoding.encodeVector(tHat);
        byte[] ek = Arrays.copyOf(tEncoded, tEncoded.length + 32);
        System.arraycopy(rho, 0, ek, tEncoded.length, 32);
        byte[] dk = MlKemEncoding.encodeVector(sHat);
        return new KeyPair(ek, dk, new EncryptionKey(tHat, EncryptionKey.transpose(aHat)), sHat);
    }

    /**
     * K-PKE.Encrypt(ek_PKE, m, r) (Algorithm 14) with a parsed key. Returns the ciphertext c of
     * 32(du·k + dv) bytes.
     */
    static byte[] encrypt(MlKemParameterSet set, EncryptionKey key, byte[] m, byte[] r) {
        int k = set.k();
        int n = 0;
        NttElement[] yHat = new NttElement[k];
        for (int i = 0; i < k; i++) {
            yHat[i] = MlKemNtt.nttInPlace(MlKemSampling.sampleCbd(r, n++, set.eta1()));
        }
        RingElement[] e1 = new RingElement[k];
        for (int i = 0; i < k; i++) {
            e1[i] = MlKemSampling.sampleCbd(r, n++, set.eta2());
        }
        RingElement e2 = MlKemSampling.sampleCbd(r, n, set.eta2());

        byte[] c = new byte[set.ciphertextLength()];
        int du = set.du();
        int dv = set.dv();
        // u = NTT^-1(Â^T∘ŷ) + e1, c1 = ByteEncode_du(Compress_du(u)) (lines 19 and 22)
        int[][] yGamma = MlKemNtt.gammaProducts(yHat);
        for (int i = 0; i < k; i++) {
            RingElement u = MlKemNtt.inverseInPlace(
                    MlKemNtt.dot(key.aTranspose[i], yHat, yGamma));
            u.addInPlace(e1[i]);
            e1[i].clear();
            compressAndEncode(u, du, c, 32 * du * i);
        }

        // v = NTT^-1(t̂^T∘ŷ) + e2 + μ, μ = Decompress_1(ByteDecode_1(m)) (lines 20, 21, 23)
        RingElement mu = new RingElement(MlKemEncoding.decode(m, 0, 1));
        for (int i = 0; i < RingElement.N; i++) {
            // branching version: mu[i] = bit == 1 ? (q + 1) / 2 : 0;
            mu.f[i] = -mu.f[i] & 1665;
        }
        RingElement v = MlKemNtt.inverseInPlace(MlKemNtt.dot(key.tHat, yHat, yGamma));
        v.addInPlace(e2).addInPlace(mu);
        e2.clear();
        mu.clear();
        clear(yHat);
        MlKemNtt.clear(yGamma);
        compressAndEncode(v, dv, c, 32 * du * k);
        return c;
    }

    /**
     * K-PKE.Decrypt(dk_PKE, c) (Algorithm 15) with ŝ already decoded. Returns the 32-byte message
     * m, which the caller zeroes.
     */
    static byte[] decrypt(MlKemParameterSet set, NttElement[] sHat, byte[] c) {
        int k = set.k();
        int du = set.du();
        int dv = set.dv();
        NttElement[] uHat = new NttElement[k];
        for (int i = 0; i < k; i++) {
            uHat[i] = MlKemNtt.nttInPlace(decodeAndDecompress(c, 32 * du * i, du));
        }
        RingElement w = decodeAndDecompress(c, 32 * du * k, dv);

        // w = v' - NTT^-1(ŝ^T∘NTT(u')) (line 6)
        RingElement product = MlKemNtt.inverseInPlace(MlKemNtt.dot(sHat, uHat));
        w.subtractInPlace(product);
        product.clear();

        byte[] m = new byte[32];
        compressAndEncode(w, 1, m, 0);
        w.clear();
        return m;
    }

    /** ByteEncode_d(Compress_d(f)), written at {@code offset}; zeroes {@code f}. */
    private static void compressAndEncode(RingElement f, int d, byte[] out, int offset) {
        for (int i = 0; i < RingElement.N; i++) {
            f.f[i] = MlKemField.compress(f.f[i], d);
        }
        MlKemEncoding.encode(f.f, d, out, offset);
        f.clear();
    }

    /** Decompress_d(ByteDecode_d(c[offset : offset + 32d])). */
    private static RingElement decodeAndDecompress(byte[] c, int offset, int d) {
        int[] f = MlKemEncoding.decode(c, offset, d);
        for (int i = 0; i < RingElement.N; i++) {
            f[i] = MlKemField.decompress(f[i], d);
        }
        return new RingElement(f);
    }

    static void clear(NttElement[] vector) {
        for (NttElement element : vector) {
            element.clear();
        }
    }
}
