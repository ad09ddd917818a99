package org.pqipsec.provider.kem;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;

import javax.crypto.KeyAgreement;

/**
 * {@link X25519Engine} backed by the SunEC provider's X25519 {@link KeyAgreement}. The tests use
 * it as the reference for {@link NativeX25519Engine}, which {@link Engines} selects.
 *
 * <p>NOTE: each call hands the scalar to SunEC key objects that this class cannot zeroize, so a
 * copy of it stays on the heap until garbage collection.
 */
final class JdkX25519Engine implements X25519Engine {

    private static final String ALGORITHM = "X25519";

    private final Provider sunEc;

    JdkX25519Engine() {
        sunEc = X25519Keys.sunEc();
    }

    @Override
    public byte[] x25519Base(byte[] k) {
        return x25519(k, X25519Engine.basePoint());
    }

    @Override
    public byte[] x25519(byte[] k, byte[] u) {
        if (k.length != LENGTH || u.length != LENGTH) {
            throw new IllegalArgumentException("X25519 scalar and u-coordinate must be 32"
                    + " bytes, got " + k.length + " and " + u.length);
        }
        try {
            KeyFactory keyFactory = KeyFactory.getInstance(ALGORITHM, sunEc);
            PrivateKey privateKey = keyFactory.generatePrivate(
                    new XECPrivateKeySpec(NamedParameterSpec.X25519, k));
            PublicKey publicKey = keyFactory.generatePublic(X25519Keys.x509Spec(u));

            KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM, sunEc);
            agreement.init(privateKey);
            try {
                agreement.doPhase(publicKey, true);
            } catch (InvalidKeyException smallOrder) {
                // SunEC (JDK 25) checks the output itself and rejects an all-zero one here with
                // "Point has small order". Both keys were built above with the X25519 parameters,
                // so that check is the only one that can fail, and the output it saw was all zero.
                return new byte[LENGTH];
            }
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunEC failed to compute X25519", e);
        }
    }
}
