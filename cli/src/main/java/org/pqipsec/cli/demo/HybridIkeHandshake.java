package org.pqipsec.cli.demo;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KDF;
import javax.crypto.SecretKey;

import org.pqipsec.provider.ike.IkeKeyExchange;
import org.pqipsec.provider.ike.IkeNonce;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * Plays both peers of a hybrid IKEv2 key exchange in one process: by default IKE_SA_INIT with
 * X25519 (group 31), then one IKE_INTERMEDIATE exchange with ML-KEM-768 (transform 36) as the
 * first additional key exchange (RFC 9242, RFC 9370,
 * draft-ietf-ipsecme-ikev2-mlkem). Together the two exchanges carry the X25519 and ML-KEM-768
 * halves of the X25519MLKEM768 hybrid. Authentication (IKE_AUTH) is not simulated: the demo
 * derives the keys and the first Child SA, and checks that both peers derived the same ones.
 *
 * <p>Transforms: PRF_HMAC_SHA2_256 for the IKE SA; ENCR_AES_GCM_16 with 256-bit keys for the IKE
 * SA and for ESP, so there are no integrity keys.
 */
final class HybridIkeHandshake {

    /** The PRF of the IKE SA: PRF_HMAC_SHA2_256 (IKEv2 Transform Type 2, id 5). */
    static final IkePrf PRF = IkePrf.HMAC_SHA2_256;

    /** Algorithm name given to SKEYSEED when the KDF returns it as a key. */
    private static final String SKEYSEED_ALGORITHM = "IKEv2-SKEYSEED";

    /** Key exchange methods in the order the exchanges run them (IKEv2 Transform Type 4 ids). */
    static final List<KeyExchangeMethod> METHODS = List.of(
            new KeyExchangeMethod("IKE_SA_INIT", 31, "X25519"),
            new KeyExchangeMethod("IKE_INTERMEDIATE", 36, "ML-KEM-768"));

    /** ENCR_AES_GCM_16 with a 256-bit key: 32 key bytes plus the 4-byte salt (RFC 5282 §7.1, RFC 4106 §8.1). */
    static final int AES_GCM_256_KEY_MATERIAL = 32 + 4;

    /** Nonce length: RFC 7296 §2.10 requires at least 16 bytes and at least half the PRF key size. */
    static final int NONCE_LENGTH = 32;

    private static final int IKE_SPI_LENGTH = 8;

    private final Provider provider;
    private final SecureRandom random;

    private final List<KeyExchangeMethod> methods;

    HybridIkeHandshake(Provider provider, SecureRandom random) {
        this(provider, random, METHODS);
    }

    /** Creates the handshake with the key exchanges in {@code methods}, the first in IKE_SA_INIT. */
    HybridIkeHandshake(Provider provider, SecureRandom random, List<KeyExchangeMethod> methods) {
        this.provider = provider;
        this.random = random;
        this.methods = List.copyOf(methods);
    }

    /**
     * Returns the key exchanges for a Diffie-Hellman group in IKE_SA_INIT and an ML-KEM in
     * IKE_INTERMEDIATE.
     *
     * @param dhGroup a Transform Type 4 id of a Diffie-Hellman group: 14, 19, 20, 21, 31 or 32
     * @param kem a Transform Type 4 id of ML-KEM: 35, 36 or 37
     * @throws IllegalArgumentException if an id is not of the expected kind
     */
    static List<KeyExchangeMethod> methods(int dhGroup, int kem) {
        org.pqipsec.provider.spec.KeyExchangeMethod group =
                org.pqipsec.provider.spec.KeyExchangeMethod.fromIanaId(dhGroup)
                        .filter(m -> !m.isKem())
                        .orElseThrow(() -> new IllegalArgumentException("--dh " + dhGroup
                                + " is not a supported Diffie-Hellman group; expected 14, 19,"
                                + " 20, 21, 31 or 32"));
        org.pqipsec.provider.spec.KeyExchangeMethod mlKem =
                org.pqipsec.provider.spec.KeyExchangeMethod.fromIanaId(kem)
                        .filter(org.pqipsec.provider.spec.KeyExchangeMethod::isKem)
                        .orElseThrow(() -> new IllegalArgumentException("--kem " + kem
                                + " is not a supported ML-KEM; expected 35, 36 or 37"));
        return List.of(
                new KeyExchangeMethod("IKE_SA_INIT", group.ianaId(), group.ianaName()),
                new KeyExchangeMethod("IKE_INTERMEDIATE", mlKem.ianaId(), mlKem.ianaName()));
    }

    /** One additional or initial key exchange: the exchange that carries it and its algorithm. */
    record KeyExchangeMethod(String exchange, int transformId, String algorithm) {}

    /** Sizes of the KE payload data each peer sent for one key exchange. */
    record KeyExchangeRecord(KeyExchangeMethod method, int initiatorKeLength, int responderKeLength, int sharedSecretLength) {}

    /**
     * The outcome both peers agree on: the IKE SA identity, the final IKE SA keys, and the keys and
     * SPIs of the first Child SA. The ESP SPIs are chosen by the receiving peer (RFC 4303 §2.1).
     */
    record Result(
            byte[] spiI, byte[] spiR, byte[] ni, byte[] nr,
            List<KeyExchangeRecord> keyExchanges,
            IkeSaKeys ikeSaKeys, ChildSaKeys childSaKeys,
            int espSpiInitiatorToResponder, int espSpiResponderToInitiator) {}

    /**
     * Runs the exchanges, derives the keys on each side independently and returns them.
     *
     * @throws GeneralSecurityException if a provider call fails or the peers' keys differ
     */
    Result run() throws GeneralSecurityException {
        // IKE_SA_INIT: SPIs, nonces and the Diffie-Hellman key exchange.
        byte[] spiI = randomSpi(IKE_SPI_LENGTH);
        byte[] spiR = randomSpi(IKE_SPI_LENGTH);
        byte[] ni = randomBytes(NONCE_LENGTH);
        byte[] nr = randomBytes(NONCE_LENGTH);
        IkeNonce.check(ni, "ni", PRF);
        IkeNonce.check(nr, "nr", PRF);
        List<KeyExchangeRecord> records = new ArrayList<>();

        SharedSecrets initial = exchange(methods.get(0), records);
        KDF initiatorKdf = KDF.getInstance(PRF.kdfAlgorithm(), provider);
        KDF responderKdf = KDF.getInstance(PRF.kdfAlgorithm(), provider);

        // SKEYSEED = prf(Ni | Nr, g^ir); {SK_d | SK_ai | ... | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)
        IkeSaKeys initiatorKeys = ikeSaKeys(initiatorKdf,
                initiatorKdf.deriveKey(SKEYSEED_ALGORITHM, new SkeyseedParameterSpec(ni, nr, initial.initiator())),
                ni, nr, spiI, spiR);
        IkeSaKeys responderKeys = ikeSaKeys(responderKdf,
                responderKdf.deriveKey(SKEYSEED_ALGORITHM, new SkeyseedParameterSpec(ni, nr, initial.responder())),
                ni, nr, spiI, spiR);
        initial.destroy();

        // IKE_INTERMEDIATE: each additional key exchange updates the keys (RFC 9370 §2.2.2):
        // SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr), then prf+ with the IKE_SA_INIT nonces and SPIs.
        for (KeyExchangeMethod method : methods.subList(1, methods.size())) {
            SharedSecrets additional = exchange(method, records);
            IkeSaKeys nextInitiatorKeys = ikeSaKeys(initiatorKdf, initiatorKdf.deriveKey(SKEYSEED_ALGORITHM,
                    new AdditionalKeyExchangeParameterSpec(initiatorKeys.skD(), additional.initiator(), ni, nr)),
                    ni, nr, spiI, spiR);
            IkeSaKeys nextResponderKeys = ikeSaKeys(responderKdf, responderKdf.deriveKey(SKEYSEED_ALGORITHM,
                    new AdditionalKeyExchangeParameterSpec(responderKeys.skD(), additional.responder(), ni, nr)),
                    ni, nr, spiI, spiR);
            additional.destroy();
            initiatorKeys.destroy();
            responderKeys.destroy();
            initiatorKeys = nextInitiatorKeys;
            responderKeys = nextResponderKeys;
        }
        requireEqual("IKE SA keys", ikeSaKeyList(initiatorKeys), ikeSaKeyList(responderKeys));

        // Child SA (RFC 7296 §2.17): KEYMAT = prf+(SK_d, Ni | Nr), initiator-to-responder keys first.
        int keymatLength = 2 * AES_GCM_256_KEY_MATERIAL;
        ChildSaKeys initiatorChild = ChildSaKeys.derive(initiatorKdf,
                new ChildSaKeymatParameterSpec(initiatorKeys.skD(), ni, nr, keymatLength),
                0, AES_GCM_256_KEY_MATERIAL);
        ChildSaKeys responderChild = ChildSaKeys.derive(responderKdf,
                new ChildSaKeymatParameterSpec(responderKeys.skD(), ni, nr, keymatLength),
                0, AES_GCM_256_KEY_MATERIAL);
        requireEqual("Child SA KEYMAT", childSaKeyList(initiatorChild), childSaKeyList(responderChild));
        responderKeys.destroy();
        responderChild.destroy();

        int espSpiIr = randomEspSpi();
        int espSpiRi;
        do {
            espSpiRi = randomEspSpi();
        } while (espSpiRi == espSpiIr);
        return new Result(spiI, spiR, ni, nr, List.copyOf(records), initiatorKeys, initiatorChild, espSpiIr, espSpiRi);
    }

    /** The shared secret as each peer computed it. */
    private record SharedSecrets(SecretKey initiator, SecretKey responder) {
        void destroy() {
            Secrets.destroy(initiator);
            Secrets.destroy(responder);
        }
    }

    /**
     * Runs one key exchange through {@link IkeKeyExchange}: the initiator sends its Key Exchange
     * Data (a public value or an ML-KEM encapsulation key), the responder replies with its own
     * (a public value or a ciphertext), and each side computes the shared secret.
     */
    private SharedSecrets exchange(KeyExchangeMethod method, List<KeyExchangeRecord> records)
            throws GeneralSecurityException {
        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(method.transformId(), random);
        byte[] initiatorKe = initiator.keyExchangeData();

        IkeKeyExchange.Responder responder =
                IkeKeyExchange.respond(method.transformId(), initiatorKe, random);
        byte[] responderKe = responder.keyExchangeData();

        SecretKey initiatorSecret = initiator.complete(responderKe);
        SecretKey responderSecret = responder.sharedSecret();
        records.add(new KeyExchangeRecord(method, initiatorKe.length, responderKe.length,
                responderSecret.getEncoded().length));
        return new SharedSecrets(initiatorSecret, responderSecret);
    }

    private IkeSaKeys ikeSaKeys(KDF kdf, SecretKey skeyseed, byte[] ni, byte[] nr, byte[] spiI, byte[] spiR)
            throws GeneralSecurityException {
        IkeSaKeysParameterSpec spec = new IkeSaKeysParameterSpec(
                skeyseed, ni, nr, spiI, spiR, 0, AES_GCM_256_KEY_MATERIAL);
        try {
            return IkeSaKeys.derive(kdf, PRF, spec);
        } finally {
            Secrets.destroy(skeyseed);
        }
    }

    /** Returns SK_d, SK_ei, SK_er, SK_pi, SK_pr (no SK_a with an AEAD cipher). */
    static List<SecretKey> ikeSaKeyList(IkeSaKeys keys) {
        return List.of(keys.skD(), keys.skEi(), keys.skEr(), keys.skPi(), keys.skPr());
    }

    /** Returns the two ESP encryption keys (key ‖ salt), initiator-to-responder first. */
    static List<SecretKey> childSaKeyList(ChildSaKeys keys) {
        return List.of(keys.initiatorToResponderEncryptionKey().orElseThrow(),
                keys.responderToInitiatorEncryptionKey().orElseThrow());
    }

    /** Checks that both peers derived the same keys, comparing without data-dependent timing. */
    private static void requireEqual(String what, List<SecretKey> initiator, List<SecretKey> responder)
            throws GeneralSecurityException {
        boolean equal = initiator.size() == responder.size();
        for (int i = 0; equal && i < initiator.size(); i++) {
            byte[] a = initiator.get(i).getEncoded();
            byte[] b = responder.get(i).getEncoded();
            equal = MessageDigest.isEqual(a, b);
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
        if (!equal) {
            throw new GeneralSecurityException(what + " differ between initiator and responder");
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Returns a non-zero IKE SPI: zero means "not yet known" in the IKE header (RFC 7296 §3.1). */
    private byte[] randomSpi(int length) {
        byte[] spi;
        do {
            spi = randomBytes(length);
        } while (Arrays.equals(spi, new byte[length]));
        return spi;
    }

    /** Returns an ESP SPI outside the reserved range 0 to 255 (RFC 4303 §2.1). */
    private int randomEspSpi() {
        int spi;
        do {
            spi = random.nextInt();
        } while (Integer.compareUnsigned(spi, 256) < 0);
        return spi;
    }
}
