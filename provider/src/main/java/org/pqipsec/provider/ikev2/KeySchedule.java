package org.pqipsec.provider.ikev2;

import static org.pqipsec.provider.ikev2.InputChecks.wipe;

import java.security.InvalidAlgorithmParameterException;

import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule steps of RFC 7296 §2.13 to §2.17 and RFC 9370 §2.2.2 for one PRF. Each
 * step checks its spec's public fields first, then extracts the secrets, and wipes every secret
 * copy in a {@code finally} block.
 */
final class KeySchedule {

    private final IkePrf prf;
    private final InputChecks checks;

    KeySchedule(IkePrf prf) {
        this.prf = prf;
        this.checks = new InputChecks(prf);
    }

    /** Derives raw prf+ output (RFC 7296 §2.13). */
    byte[] prfPlus(PrfPlusParameterSpec spec) throws InvalidAlgorithmParameterException {
        byte[] seed = spec.seed();
        checks.requireSeed(seed, "seed");
        checks.requireOutputLength(spec.length(), "length");

        byte[] key = null;
        try {
            key = checks.secretBytes(spec.key(), "key");

            // prf+ (K,S) = T1 | T2 | T3 | T4 | ...
            return Prf.prfPlus(prf, key, spec.length(), seed);
        } finally {
            wipe(key);
            wipe(seed);
        }
    }

    /** Derives SKEYSEED of a new IKE SA (RFC 7296 §2.14). */
    byte[] skeyseed(SkeyseedParameterSpec spec) throws InvalidAlgorithmParameterException {
        byte[] ni = spec.ni();
        byte[] nr = spec.nr();
        checks.requireNonce(ni, "ni");
        checks.requireNonce(nr, "nr");

        byte[] gir = null;
        byte[] nonces = null;
        try {
            gir = checks.secretBytes(spec.sharedSecret(), "sharedSecret");
            nonces = concat(ni, nr);

            // SKEYSEED = prf(Ni | Nr, g^ir)
            return Prf.prf(prf, nonces, gir);
        } finally {
            wipe(gir);
            wipe(nonces);
        }
    }

    /** Derives {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} (RFC 7296 §2.14). */
    byte[] ikeSaKeys(IkeSaKeysParameterSpec spec) throws InvalidAlgorithmParameterException {
        byte[] ni = spec.ni();
        byte[] nr = spec.nr();
        byte[] spiI = spec.spiI();
        byte[] spiR = spec.spiR();
        checks.requireNonce(ni, "ni");
        checks.requireNonce(nr, "nr");
        checks.requireSpi(spiI, "spiI");
        checks.requireSpi(spiR, "spiR");
        int length = checks.ikeSaKeysLength(spec.integrityKeyLength(), spec.encryptionKeyLength());

        byte[] skeyseed = null;
        try {
            skeyseed = checks.prfOutputKeyBytes(spec.skeyseed(), "skeyseed");

            // {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
            //     = prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr)
            return Prf.prfPlus(prf, skeyseed, length, ni, nr, spiI, spiR);
        } finally {
            wipe(skeyseed);
        }
    }

    /** Derives SKEYSEED(n) after the n-th additional key exchange (RFC 9370 §2.2.2). */
    byte[] additionalKeyExchange(AdditionalKeyExchangeParameterSpec spec)
            throws InvalidAlgorithmParameterException {
        byte[] ni = spec.ni();
        byte[] nr = spec.nr();
        checks.requireNonce(ni, "ni");
        checks.requireNonce(nr, "nr");

        byte[] previousSkD = null;
        byte[] sharedSecret = null;
        try {
            previousSkD = checks.prfOutputKeyBytes(spec.previousSkD(), "previousSkD");
            sharedSecret = checks.secretBytes(spec.sharedSecret(), "sharedSecret");

            // SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr)
            return Prf.prf(prf, previousSkD, sharedSecret, ni, nr);
        } finally {
            wipe(previousSkD);
            wipe(sharedSecret);
        }
    }

    /** Derives KEYMAT of a Child SA, with or without a new key exchange (RFC 7296 §2.17). */
    byte[] childSaKeymat(ChildSaKeymatParameterSpec spec)
            throws InvalidAlgorithmParameterException {
        byte[] ni = spec.ni();
        byte[] nr = spec.nr();
        checks.requireNonce(ni, "ni");
        checks.requireNonce(nr, "nr");
        checks.requireOutputLength(spec.length(), "length");

        byte[] skD = null;
        byte[] gir = null;
        try {
            skD = checks.prfOutputKeyBytes(spec.skD(), "skD");
            if (spec.sharedSecret().isEmpty()) {
                // KEYMAT = prf+(SK_d, Ni | Nr)
                return Prf.prfPlus(prf, skD, spec.length(), ni, nr);
            }

            gir = checks.secretBytes(spec.sharedSecret().get(), "sharedSecret");

            // KEYMAT = prf+(SK_d, g^ir (new) | Ni | Nr)
            return Prf.prfPlus(prf, skD, spec.length(), gir, ni, nr);
        } finally {
            wipe(skD);
            wipe(gir);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
