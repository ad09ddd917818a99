package org.pqipsec.cli.capture;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds ESP tunnel-mode packets with AES-GCM-16 (RFC 4303 with RFC 4106) from the JDK's
 * {@code AES/GCM/NoPadding}, independent of the project's ESP code, for checking tshark
 * decryption in tests.
 */
final class EspTunnelPackets {

    /** RFC 4303 next header values for tunnel mode: IPv4 in IP, IPv6 in IP. */
    static final int NEXT_HEADER_IPV4 = 4;
    static final int NEXT_HEADER_IPV6 = 41;

    private static final int IP_PROTOCOL_ESP = 50;
    private static final int ICV_BITS = 128;

    private final InetAddress source;
    private final InetAddress destination;
    private final int spi;
    private final byte[] key;
    private final byte[] salt;

    EspTunnelPackets(InetAddress source, InetAddress destination, int spi, byte[] key, byte[] salt) {
        this.source = source;
        this.destination = destination;
        this.spi = spi;
        this.key = key.clone();
        this.salt = salt.clone();
    }

    /**
     * Returns the outer IP packet carrying {@code inner} in ESP.
     *
     * @param sequence the ESP sequence number
     * @param iv       the 8-byte explicit IV, which must not repeat under one key
     */
    byte[] encapsulate(byte[] inner, int sequence, long iv) throws GeneralSecurityException {
        int nextHeader = (inner[0] & 0xf0) == 0x40 ? NEXT_HEADER_IPV4 : NEXT_HEADER_IPV6;

        // Plaintext (RFC 4303 section 2): payload | padding 1, 2, 3, ... | pad length (1)
        // | next header (1), padded so the ICV starts on a 4-byte boundary.
        int padLength = Math.floorMod(-(inner.length + 2), 4);
        ByteBuffer plaintext = ByteBuffer.allocate(inner.length + padLength + 2).put(inner);
        for (int i = 1; i <= padLength; i++) {
            plaintext.put((byte) i);
        }
        plaintext.put((byte) padLength).put((byte) nextHeader);

        // RFC 4106: nonce = salt (4) | explicit IV (8), additional data = SPI (4) | sequence (4).
        byte[] header = ByteBuffer.allocate(8).putInt(spi).putInt(sequence).array();
        byte[] explicitIv = ByteBuffer.allocate(8).putLong(iv).array();
        byte[] nonce = ByteBuffer.allocate(12).put(salt).put(explicitIv).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(ICV_BITS, nonce));
        cipher.updateAAD(header);
        byte[] ciphertextAndIcv = cipher.doFinal(plaintext.array());

        // ESP packet: SPI (4) | sequence (4) | IV (8) | ciphertext | ICV (16).
        byte[] esp = CaptureBytes.concat(header, explicitIv, ciphertextAndIcv);
        return source instanceof Inet4Address ? outerIpv4(esp, sequence) : outerIpv6(esp);
    }

    private byte[] outerIpv4(byte[] esp, int identification) {
        byte[] packet = ByteBuffer.allocate(20 + esp.length)
                .put((byte) 0x45).put((byte) 0)
                .putShort((short) (20 + esp.length))
                .putShort((short) identification).putShort((short) 0)
                .put((byte) 64).put((byte) IP_PROTOCOL_ESP).putShort((short) 0)
                .put(source.getAddress())
                .put(destination.getAddress())
                .put(esp)
                .array();
        int checksum = CaptureBytes.ipv4HeaderChecksum(packet, 20);
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;
        return packet;
    }

    private byte[] outerIpv6(byte[] esp) {
        return ByteBuffer.allocate(40 + esp.length)
                .putInt(0x60000000)
                .putShort((short) esp.length)
                .put((byte) IP_PROTOCOL_ESP).put((byte) 64)
                .put(source.getAddress())
                .put(destination.getAddress())
                .put(esp)
                .array();
    }
}
