package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;

import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deterministic entry points of FIPS 203 Algorithms 16 to 18. */
class MlKemInternalTest {

    @ParameterizedTest
    @EnumSource(MlKemParameterSet.class)
    void everyBitFlipTakesImplicitRejection(MlKemParameterSet set) throws Exception {
        Random random = new Random(set.ordinal());
        byte[] d = new byte[32];
        byte[] z = new byte[32];
        byte[] m = new byte[32];
        random.nextBytes(d);
        random.nextBytes(z);
        random.nextBytes(m);
        byte[][] keys = MlKemInternal.keyGen(set, d, z);
        MlKemInternal.DecapsulationKey dk = MlKemInternal.DecapsulationKey.parse(set, keys[1]);
        byte[][] output = MlKemInternal.encaps(
                MlKemInternal.EncapsulationKey.parse(set, keys[0]), m);

        assertArrayEquals(output[0], MlKemInternal.decaps(dk, output[1]));
        // Each bit of the first and last byte, including the sign bit that a signed byte
        // comparison would mishandle.
        for (int position : new int[] {0, output[1].length - 1}) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] c = output[1].clone();
                c[position] ^= (byte) (1 << bit);
                assertArrayEquals(rejectionSecret(z, c), MlKemInternal.decaps(dk, c),
                        "byte " + position + " bit " + bit);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlKemParameterSet.class)
    void generatedKeysEqualParsedKeys(MlKemParameterSet set) throws Exception {
        Random random = new Random(100 + set.ordinal());
        byte[] d = new byte[32];
        byte[] z = new byte[32];
        byte[] m = new byte[32];
        random.nextBytes(d);
        random.nextBytes(z);
        random.nextBytes(m);
        MlKemInternal.GeneratedKeys generated = MlKemInternal.generate(set, d, z);
        MlKemInternal.DecapsulationKey parsed =
                MlKemInternal.DecapsulationKey.parse(set, generated.dk());
        MlKemInternal.DecapsulationKey prepared = generated.decapsulationKey();

        assertArrayEquals(MlKemInternal.keyGen(set, d, z)[1], generated.dk());
        assertArrayEquals(parsed.z, prepared.z);
        assertArrayEquals(parsed.encapsulationKey.ek, prepared.encapsulationKey.ek);
        assertArrayEquals(parsed.encapsulationKey.h, prepared.encapsulationKey.h);
        assertSame(generated.encapsulationKey(), prepared.encapsulationKey);
        for (int i = 0; i < set.k(); i++) {
            assertArrayEquals(parsed.sHat[i].f, prepared.sHat[i].f, "ŝ[" + i + "]");
            assertArrayEquals(parsed.encapsulationKey.pke.tHat[i].f,
                    prepared.encapsulationKey.pke.tHat[i].f, "t̂[" + i + "]");
            for (int j = 0; j < set.k(); j++) {
                assertArrayEquals(parsed.encapsulationKey.pke.aTranspose[i][j].f,
                        prepared.encapsulationKey.pke.aTranspose[i][j].f,
                        "Â^T[" + i + "][" + j + "]");
            }
        }

        byte[][] output = MlKemInternal.encaps(generated.encapsulationKey(), m);
        assertArrayEquals(MlKemInternal.encaps(parsed.encapsulationKey, m)[1], output[1]);
        assertArrayEquals(output[0], MlKemInternal.decaps(prepared, output[1]));
        byte[] c = output[1].clone();
        c[0] ^= 1;
        assertArrayEquals(MlKemInternal.decaps(parsed, c), MlKemInternal.decaps(prepared, c));
    }

    /** J(z ‖ c) = SHAKE256(z ‖ c, 32 bytes), computed by BouncyCastle. */
    private static byte[] rejectionSecret(byte[] z, byte[] c) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(z, 0, z.length);
        shake.update(c, 0, c.length);
        byte[] out = new byte[32];
        shake.doFinal(out, 0, 32);
        return Arrays.copyOf(out, 32);
    }
}
