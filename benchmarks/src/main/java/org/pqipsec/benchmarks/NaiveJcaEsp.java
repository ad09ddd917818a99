package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ESP as a Java user would first write it with the JCA: {@code Cipher.getInstance} and
 * {@code init} for every packet, and a new array for the plaintext of each packet it opens.
 * The key object is built once. There is no anti-replay window.
 */
final class NaiveJcaEsp implements EspCandidate {

    private final int spi;
    private final SecretKey key;
    private final byte[] salt;
    private long sequenceNumber;

    /** @param keyMaterial the AES key followed by the 4-byte salt */
    NaiveJcaEsp(int spi, byte[] keyMaterial) {
        this.spi = spi;
        this.key = new SecretKeySpec(keyMaterial, 0, keyMaterial.length - 4, "AES");
        this.salt = Arrays.copyOfRange(keyMaterial, keyMaterial.length - 4, keyMaterial.length);
    }

    @Override
    public byte[] seal(byte[] payload) throws GeneralSecurityException {
        byte[] packet = EspFraming.frame(spi, ++sequenceNumber, payload);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key,
                new GCMParameterSpec(EspFraming.ICV_LENGTH * 8, EspFraming.nonce(salt, packet)));
        cipher.updateAAD(EspFraming.aad(packet));
        cipher.doFinal(packet, EspFraming.HEADER_LENGTH, EspFraming.plaintextLength(packet),
                packet, EspFraming.HEADER_LENGTH);
        return packet;
    }

    @Override
    public byte[] open(byte[] packet) throws GeneralSecurityException {
        EspFraming.checkSpi(packet, spi);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key,
                new GCMParameterSpec(EspFraming.ICV_LENGTH * 8, EspFraming.nonce(salt, packet)));
        cipher.updateAAD(EspFraming.aad(packet));
        byte[] plaintext = cipher.doFinal(packet, EspFraming.HEADER_LENGTH,
                packet.length - EspFraming.HEADER_LENGTH);
        return EspFraming.payload(plaintext, plaintext.length);
    }
}
