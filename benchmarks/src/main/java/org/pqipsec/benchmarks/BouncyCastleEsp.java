package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ESP on BouncyCastle's lightweight {@link GCMBlockCipher}, one cipher per direction. The key is
 * set once. Each packet re-initializes the cipher with a null key, which keeps the AES key
 * schedule and GCM hash key and sets only the new nonce and AAD. There is no anti-replay window.
 */
final class BouncyCastleEsp implements EspCandidate {

    private final int spi;
    private final byte[] salt;
    private final GCMModeCipher sealer = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private final GCMModeCipher opener = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private long sequenceNumber;

    /** @param keyMaterial the AES key followed by the 4-byte salt */
    BouncyCastleEsp(int spi, byte[] keyMaterial) {
        this.spi = spi;
        this.salt = Arrays.copyOfRange(keyMaterial, keyMaterial.length - 4, keyMaterial.length);
        KeyParameter key = new KeyParameter(keyMaterial, 0, keyMaterial.length - 4);
        // A first init with the key and a throwaway nonce that no packet uses, because a packet's
        // IV is its sequence number, which starts at 1.
        byte[] unusedNonce = new byte[EspFraming.NONCE_LENGTH];
        sealer.init(true, new AEADParameters(key, EspFraming.ICV_LENGTH * 8, unusedNonce));
        opener.init(false, new AEADParameters(key, EspFraming.ICV_LENGTH * 8, unusedNonce));
    }

    @Override
    public byte[] seal(byte[] payload) throws GeneralSecurityException {
        byte[] packet = EspFraming.frame(spi, ++sequenceNumber, payload);
        sealer.init(true, new AEADParameters(null, EspFraming.ICV_LENGTH * 8,
                EspFraming.nonce(salt, packet), EspFraming.aad(packet)));
        int plaintextLength = EspFraming.plaintextLength(packet);
        int written = sealer.processBytes(packet, EspFraming.HEADER_LENGTH, plaintextLength,
                packet, EspFraming.HEADER_LENGTH);
        try {
            sealer.doFinal(packet, EspFraming.HEADER_LENGTH + written);
        } catch (InvalidCipherTextException e) {
            throw new GeneralSecurityException("BouncyCastle GCM encryption failed", e);
        }
        return packet;
    }

    @Override
    public byte[] open(byte[] packet) throws GeneralSecurityException {
        EspFraming.checkSpi(packet, spi);
        opener.init(false, new AEADParameters(null, EspFraming.ICV_LENGTH * 8,
                EspFraming.nonce(salt, packet), EspFraming.aad(packet)));
        int ciphertextLength = packet.length - EspFraming.HEADER_LENGTH;
        byte[] plaintext = new byte[ciphertextLength - EspFraming.ICV_LENGTH];
        int written = opener.processBytes(packet, EspFraming.HEADER_LENGTH, ciphertextLength, plaintext, 0);
        try {
            written += opener.doFinal(plaintext, written);
        } catch (InvalidCipherTextException e) {
            throw new AEADBadTagException("ESP ICV does not verify");
        }
        return EspFraming.payload(plaintext, written);
    }
}
