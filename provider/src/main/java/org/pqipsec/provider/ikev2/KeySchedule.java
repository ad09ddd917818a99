package org.pqipsec.provider.ikev2;

import static org.pqipsec.provider.ikev2.InputChecks.wipe;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;

import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.IntermediateAuthParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule steps of RFC 7296 §2.13 to §2.18, RFC 9370 §2.2.2 and §2.2.4 and RFC
 * 9242 §3.3.2 for one PRF. Each
 * step checks its spec's public fields first, then extracts the secrets, and wipes every secret
 * copy in a {@code finally} block.
 */
final class KeySchedule {

    private final IkePrf prf;
    private final InputChecks checks;
    private final Prf prfFunction;

    KeySchedule(IkePrf prf) {
        this.prf = prf;
        this.checks = new InputChecks(prf);
        this.prfFunction = new Prf(prf);
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
            return prfFunction.prfPlus(key, spec.length(), seed);
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

        if (prf.hasFixedKeyLength()) {
            checks.requireFixedKeyNonce(ni, "ni");
            checks.requireFixedKeyNonce(nr, "nr");
        }

        byte[] gir = null;
        byte[] nonces = null;
        try {
            gir = checks.secretBytes(spec.sharedSecret(), "sharedSecret");

            // For AES-XCBC-PRF-128 and AES-CMAC-PRF-128, only the first 64 bits of Ni and of
            // Nr form the key (RFC 7296 §2.14), which is then exactly the 128-bit AES key.
            nonces = prf.hasFixedKeyLength()
                    ? concat(Arrays.copyOf(ni, InputChecks.FIXED_KEY_NONCE_PREFIX),
                            Arrays.copyOf(nr, InputChecks.FIXED_KEY_NONCE_PREFIX))
                    : concat(ni, nr);

            // SKEYSEED = prf(Ni | Nr, g^ir)
            return prfFunction.prf(nonces, gir);
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
        checks.requireTransforms(spec.encryption(), spec.integrity());
        int length = checks.ikeSaKeysLength(spec.integrityKeyLength(), spec.encryptionKeyLength());

        byte[] skeyseed = null;
        try {
            skeyseed = checks.prfOutputKeyBytes(spec.skeyseed(), "skeyseed");

            // {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
            //     = prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr)
            return prfFunction.prfPlus(skeyseed, length, ni, nr, spiI, spiR);
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
            return prfFunction.prf(previousSkD, sharedSecret, ni, nr);
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
        byte[][] secrets = new byte[spec.sharedSecrets().size()][];
        try {
            skD = checks.prfOutputKeyBytes(spec.skD(), "skD");
            if (secrets.length == 0) {
                // KEYMAT = prf+(SK_d, Ni | Nr)
                return prfFunction.prfPlus(skD, spec.length(), ni, nr);
            }

            for (int i = 0; i < secrets.length; i++) {
                secrets[i] = checks.secretBytes(spec.sharedSecrets().get(i),
                        secrets.length == 1 ? "sharedSecret" : "sharedSecrets[" + i + "]");
            }

            // KEYMAT = prf+(SK_d, g^ir (new) | Ni | Nr)                  (RFC 7296 §2.17)
            // KEYMAT = prf+(SK_d, SK(0) | Ni | Nr | SK(1) | ... | SK(n)) (RFC 9370 §2.2.4)
            return prfFunction.prfPlus(skD, spec.length(), rekeySeed(secrets, ni, nr));
        } finally {
            wipe(skD);
            for (byte[] secret : secrets) {
                wipe(secret);
            }
        }
    }

    /** Derives SKEYSEED of an IKE SA rekey (RFC 7296 §2.18, RFC 9370 §2.2.4). */
    byte[] ikeSaRekey(IkeSaRekeyParameterSpec spec) throws InvalidAlgorithmParameterException {
        byte[] ni = spec.ni();
        byte[] nr = spec.nr();
        checks.requireNonce(ni, "ni");
        checks.requireNonce(nr, "nr");
        if (spec.sharedSecrets().isEmpty()) {
            throw new InvalidAlgorithmParameterException("sharedSecrets is empty; expected SK(0),"
                    + " the shared secret of the CREATE_CHILD_SA key exchange, and any"
                    + " IKE_FOLLOWUP_KE shared secrets after it");
        }

        byte[] oldSkD = null;
        byte[][] secrets = new byte[spec.sharedSecrets().size()][];
        try {
            oldSkD = checks.prfOutputKeyBytes(spec.oldSkD(), "oldSkD");
            for (int i = 0; i < secrets.length; i++) {
                secrets[i] = checks.secretBytes(
                        spec.sharedSecrets().get(i), "sharedSecrets[" + i + "]");
            }

            // SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr)                 (RFC 7296 §2.18)
            // SKEYSEED = prf(SK_d (old), SK(0) | Ni | Nr | SK(1) | ... | SK(n)) (RFC 9370 §2.2.4)
            return prfFunction.prf(oldSkD, rekeySeed(secrets, ni, nr));
        } finally {
            wipe(oldSkD);
            for (byte[] secret : secrets) {
                wipe(secret);
            }
        }
    }

    /** Derives IntAuth_N of RFC 9242 §3.3.2. */
    byte[] intermediateAuth(IntermediateAuthParameterSpec spec)
            throws InvalidAlgorithmParameterException {
        byte[] previous = spec.previousIntAuth().orElse(null);
        byte[] unprotectedPart = spec.unprotectedPart();
        byte[] protectedPart = spec.protectedPart();
        if (previous != null && previous.length != prf.outputLength()) {
            throw new InvalidAlgorithmParameterException("previousIntAuth must be "
                    + prf.outputLength() + " bytes, the output length of " + prf + ", got "
                    + previous.length);
        }
        if (unprotectedPart == null || unprotectedPart.length == 0) {
            throw new InvalidAlgorithmParameterException("unprotectedPart is "
                    + (unprotectedPart == null ? "missing" : "empty")
                    + "; expected the IKE header through the Encrypted payload header"
                    + " (28 bytes or more)");
        }

        byte[] skP = null;
        try {
            skP = checks.prfOutputKeyBytes(spec.skP(), "skP");

            // IntAuth_1 = prf(SK_p,              IntAuth_1_A [| IntAuth_1_P])
            // IntAuth_N = prf(SK_p, IntAuth_N-1 | IntAuth_N_A [| IntAuth_N_P])
            return previous == null
                    ? prfFunction.prf(skP, unprotectedPart, protectedPart)
                    : prfFunction.prf(skP, previous, unprotectedPart, protectedPart);
        } finally {
            wipe(skP);
            wipe(protectedPart);
        }
    }

    /** Returns the parts SK(0), Ni, Nr, SK(1), ..., SK(n) in prf input order. */
    private static byte[][] rekeySeed(byte[][] secrets, byte[] ni, byte[] nr) {
        byte[][] parts = new byte[secrets.length + 2][];
        parts[0] = secrets[0];
        parts[1] = ni;
        parts[2] = nr;
        System.arraycopy(secrets, 1, parts, 3, secrets.length - 1);
        return parts;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
