package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/**
 * X25519 against SunEC and BouncyCastle: random key pairs of each provider, with key objects
 * and encodings crossing providers in both directions, and the shared secrets compared.
 */
class X25519DifferentialTest {

    private static final int ROUNDS = 1000;

    private static final Provider PQIPSEC = Vectors.PQIPSEC;
    private static final Provider SUN_EC = Security.getProvider("SunEC");
    private static final Provider BC = new BouncyCastleProvider();
    private static final List<Provider> PEERS = List.of(SUN_EC, BC);

    private final SecureRandom random = new SecureRandom();

    private static byte[] agree(Provider provider, Key privateKey, Key publicKey)
            throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", provider);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    private KeyPair generate(Provider provider) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", provider);
        generator.initialize(255, random);
        return generator.generateKeyPair();
    }

    /**
     * Generates, for each peer and round, a pqipsec key pair and a peer key pair. The test then
     * computes the secret four ways: pqipsec and the peer each use their own private key with the
     * other's public key object, and each also uses the other's private key object.
     */
    @Test
    void keyAgreementKeyObjectsCross() throws Exception {
        for (Provider peer : PEERS) {
            for (int round = 0; round < ROUNDS; round++) {
                KeyPair ours = generate(PQIPSEC);
                KeyPair theirs = generate(peer);
                String where = peer.getName() + " round " + round;

                byte[] expected = agree(peer, theirs.getPrivate(), ours.getPublic());

                assertArrayEquals(expected, agree(PQIPSEC, ours.getPrivate(), theirs.getPublic()),
                        where);
                assertArrayEquals(expected, agree(PQIPSEC, theirs.getPrivate(), ours.getPublic()),
                        where);
                assertArrayEquals(expected, agree(peer, ours.getPrivate(), theirs.getPublic()),
                        where);
            }
        }
    }

    /** The secrets also match BouncyCastle's low-level X25519, outside any JCA code. */
    @Test
    void keyPairsMatchBouncyCastleArithmetic() throws Exception {
        KeyFactory keyFactory = KeyFactory.getInstance("X25519", PQIPSEC);
        for (int round = 0; round < ROUNDS; round++) {
            KeyPair ours = generate(PQIPSEC);
            byte[] k = ((XECPrivateKey) ours.getPrivate()).getScalar().orElseThrow();
            byte[] u = keyFactory.getKeySpec(ours.getPublic(), EncodedKeySpec.class).getEncoded();
            byte[] expectedU = new byte[32];
            X25519.generatePublicKey(k, 0, expectedU, 0);
            assertArrayEquals(expectedU, u, "round " + round);

            byte[] peerK = new byte[32];
            random.nextBytes(peerK);
            byte[] peerU = new byte[32];
            X25519.generatePublicKey(peerK, 0, peerU, 0);
            byte[] expected = new byte[32];
            X25519.calculateAgreement(peerK, 0, u, 0, expected, 0);
            PublicKey peerKey = keyFactory.generatePublic(new RawSpec(peerU));
            assertArrayEquals(expected, agree(PQIPSEC, ours.getPrivate(), peerKey),
                    "round " + round);
        }
    }

    /**
     * Encodings across providers: each provider's X.509 and PKCS#8 bytes imported by every
     * other provider's KeyFactory, and the keys so made agreeing with the originals.
     */
    @Test
    void encodingsRoundTripAcrossProviders() throws Exception {
        List<Provider> all = List.of(PQIPSEC, SUN_EC, BC);
        for (int round = 0; round < ROUNDS / 10; round++) {
            for (Provider owner : all) {
                KeyPair pair = generate(owner);
                KeyPair other = generate(PQIPSEC);
                byte[] expected = agree(PQIPSEC, other.getPrivate(), pair.getPublic());
                byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
                for (Provider importer : all) {
                    String where = owner.getName() + " to " + importer.getName() + " round "
                            + round;
                    KeyFactory keyFactory = KeyFactory.getInstance("X25519", importer);
                    PublicKey publicKey = keyFactory.generatePublic(
                            new X509EncodedKeySpec(pair.getPublic().getEncoded()));
                    PrivateKey privateKey = keyFactory.generatePrivate(
                            new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));

                    assertEquals(((XECPublicKey) pair.getPublic()).getU(),
                            ((XECPublicKey) publicKey).getU(), where);
                    assertArrayEquals(scalar,
                            ((XECPrivateKey) privateKey).getScalar().orElseThrow(), where);
                    assertArrayEquals(expected, agree(importer, other.getPrivate(), publicKey),
                            where);
                    assertArrayEquals(expected, agree(PQIPSEC, privateKey,
                            other.getPublic()), where);
                }
            }
        }
    }

    /** Raw keys: pqipsec's RAW u and scalar against the peers' X.509 and PKCS#8 keys. */
    @Test
    void rawKeysMatchPeerEncodings() throws Exception {
        KeyFactory ours = KeyFactory.getInstance("X25519", PQIPSEC);
        for (Provider peer : PEERS) {
            for (int round = 0; round < ROUNDS / 10; round++) {
                KeyPair pair = generate(peer);

                byte[] u = ours.getKeySpec(pair.getPublic(), EncodedKeySpec.class).getEncoded();
                byte[] k = ours.getKeySpec(pair.getPrivate(), EncodedKeySpec.class).getEncoded();
                Key publicKey = ours.generatePublic(new RawSpec(u));
                Key privateKey = ours.generatePrivate(new RawSpec(k));

                String where = peer.getName() + " round " + round;
                assertArrayEquals(pair.getPublic().getEncoded(), publicKey.getEncoded(), where);
                // BouncyCastle 1.87's translateKey rejects keys of other providers ("key type
                // unknown"), so the peer imports pqipsec's encodings instead.
                KeyFactory peerFactory = KeyFactory.getInstance("X25519", peer);
                PrivateKey peerPrivate = peerFactory.generatePrivate(
                        new PKCS8EncodedKeySpec(privateKey.getEncoded()));
                PublicKey peerPublic = peerFactory.generatePublic(
                        new X509EncodedKeySpec(publicKey.getEncoded()));
                assertArrayEquals(
                        ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow(),
                        ((XECPrivateKey) peerPrivate).getScalar().orElseThrow(), where);
                assertEquals(((XECPublicKey) pair.getPublic()).getU(),
                        ((XECPublicKey) peerPublic).getU(), where);
            }
        }
    }

    /** The X25519 KEM takes key objects of the peers and agrees with their KeyAgreement. */
    @Test
    void kemWithPeerKeys() throws Exception {
        KEM kem = KEM.getInstance("X25519", PQIPSEC);
        for (Provider peer : PEERS) {
            for (int round = 0; round < ROUNDS / 10; round++) {
                KeyPair pair = generate(peer);

                KEM.Encapsulated encapsulated = kem.newEncapsulator(pair.getPublic(), random)
                        .encapsulate();
                byte[] recovered = kem.newDecapsulator(pair.getPrivate())
                        .decapsulate(encapsulated.encapsulation()).getEncoded();
                PublicKey ephemeral = KeyFactory.getInstance("X25519", PQIPSEC)
                        .generatePublic(new RawSpec(encapsulated.encapsulation()));

                String where = peer.getName() + " round " + round;
                assertEquals(HexFormat.of().formatHex(encapsulated.key().getEncoded()),
                        HexFormat.of().formatHex(recovered), where);
                assertArrayEquals(recovered, agree(peer, pair.getPrivate(), ephemeral), where);
            }
        }
    }
}
