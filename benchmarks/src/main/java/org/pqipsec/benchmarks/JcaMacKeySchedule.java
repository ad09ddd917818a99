package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.pqipsec.provider.spec.IkePrf;

/**
 * The IKEv2 key schedule (RFC 7296 §2.13, §2.14, §2.17) written directly on {@code javax.crypto.Mac},
 * as an application without a KDF would write it: one {@code Mac.getInstance} per derivation,
 * {@code SecretKeySpec} keys, and no wiping of intermediate secrets.
 */
final class JcaMacKeySchedule {

    private final IkePrf prf;

    JcaMacKeySchedule(IkePrf prf) {
        this.prf = prf;
    }

    /**
     * Derives SKEYSEED = prf(Ni | Nr, g^ir), then splits
     * {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr).
     *
     * @return the seven keys in that order
     */
    List<SecretKey> ikeSaKeys(byte[] ni, byte[] nr, byte[] spiI, byte[] spiR, byte[] sharedSecret,
            int integrityKeyLength, int encryptionKeyLength) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(concat(ni, nr), prf.macAlgorithm()));
        byte[] skeyseed = mac.doFinal(sharedSecret);

        int prfLength = prf.outputLength();
        int[] lengths = {prfLength, integrityKeyLength, integrityKeyLength,
                encryptionKeyLength, encryptionKeyLength, prfLength, prfLength};
        int total = 0;
        for (int length : lengths) {
            total += length;
        }
        byte[] material = prfPlus(mac, skeyseed, total, concat(concat(ni, nr), concat(spiI, spiR)));
        return split(material, lengths);
    }

    /**
     * Derives KEYMAT = prf+(SK_d, Ni | Nr) for a Child SA with one encryption key per direction,
     * initiator-to-responder first.
     */
    List<SecretKey> childSaKeymat(byte[] skD, byte[] ni, byte[] nr, int encryptionKeyLength)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(prf.macAlgorithm());
        byte[] keymat = prfPlus(mac, skD, 2 * encryptionKeyLength, concat(ni, nr));
        return split(keymat, new int[] {encryptionKeyLength, encryptionKeyLength});
    }

    /** prf+(K, S) = T1 | T2 | ..., T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n). */
    private byte[] prfPlus(Mac mac, byte[] key, int length, byte[] seed) throws GeneralSecurityException {
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int n = 1, offset = 0; offset < length; n++) {
            mac.update(block);
            mac.update(seed);
            mac.update((byte) n);
            block = mac.doFinal();
            int take = Math.min(block.length, length - offset);
            System.arraycopy(block, 0, output, offset, take);
            offset += take;
        }
        return output;
    }

    private static List<SecretKey> split(byte[] material, int[] lengths) {
        List<SecretKey> keys = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            if (length > 0) {
                keys.add(new SecretKeySpec(material, offset, length, "RAW"));
            }
            offset += length;
        }
        return keys;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
