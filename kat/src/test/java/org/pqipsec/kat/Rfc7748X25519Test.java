package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7748 test vectors for X25519, run through the provider's public JCA API only:
 * KeyFactory, KeyPairGenerator and KeyAgreement {@code X25519}.
 */
class Rfc7748X25519Test {

    private static final HexFormat HEX = HexFormat.of();

    private static KeyFactory keyFactory() throws Exception {
        return KeyFactory.getInstance("X25519", Vectors.PQIPSEC);
    }

    /** Returns X25519(k, u) through KeyFactory (RAW keys) and KeyAgreement. */
    private static byte[] x25519(byte[] k, byte[] u) throws Exception {
        PrivateKey privateKey = keyFactory().generatePrivate(new RawSpec(k));
        PublicKey publicKey = keyFactory().generatePublic(new RawSpec(u));
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", Vectors.PQIPSEC);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    /**
     * §5.2: the two single X25519 calls. The second input u has its top bit set (byte 31 is
     * 0x93), which decodeUCoordinate masks.
     */
    @ParameterizedTest
    @CsvSource({
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
                + " e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
                + " c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
                + " e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
                + " 95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
    })
    void section52(String scalar, String u, String output) throws Exception {
        assertEquals(output, HEX.formatHex(x25519(HEX.parseHex(scalar), HEX.parseHex(u))));
    }

    /**
     * §5.2 iterated: k = u = 9, then repeatedly k, u = X25519(k, u), k. The RFC lists k after 1,
     * 1,000 and 1,000,000 iterations; the last is left out to keep the suite short.
     */
    @Test
    void section52Iterated() throws Exception {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();

        for (int iteration = 1; iteration <= 1000; iteration++) {
            byte[] next = x25519(k, u);
            u = k;
            k = next;
            if (iteration == 1) {
                assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079",
                        HEX.formatHex(k), "after 1 iteration");
            }
        }

        assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51",
                HEX.formatHex(k), "after 1,000 iterations");
    }

    /**
     * §6.1: Alice's and Bob's key pairs from KeyPairGenerator with their private keys as the
     * randomness, then the shared secret K in both directions.
     */
    @Test
    void section61() throws Exception {
        byte[] alicePrivate =
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate =
                HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");

        KeyPair alice = generate(alicePrivate);
        KeyPair bob = generate(bobPrivate);

        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
                HEX.formatHex(raw(alice.getPublic())));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
                HEX.formatHex(raw(bob.getPublic())));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, HEX.formatHex(agree(alice.getPrivate(), bob.getPublic())));
        assertEquals(shared, HEX.formatHex(agree(bob.getPrivate(), alice.getPublic())));
    }

    private static KeyPair generate(byte[] k) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", Vectors.PQIPSEC);
        Vectors.FixedRandom random = Vectors.fixedRandom(k);
        generator.initialize(NamedParameterSpec.X25519, random);
        KeyPair pair = generator.generateKeyPair();
        assertEquals(0, random.remaining());
        return pair;
    }

    private static byte[] raw(PublicKey key) throws Exception {
        return keyFactory().getKeySpec(key, java.security.spec.EncodedKeySpec.class).getEncoded();
    }

    private static byte[] agree(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", Vectors.PQIPSEC);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }
}
