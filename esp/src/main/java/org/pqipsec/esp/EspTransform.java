package org.pqipsec.esp;

/**
 * ESP encryption transforms (IKEv2 Transform Type 1 ids from the IANA registry).
 */
public enum EspTransform {

    /** ENCR_AES_GCM_16 (RFC 4106): AES-GCM with a 16-byte ICV, 8-byte explicit IV, 4-byte salt. */
    ENCR_AES_GCM_16(20, 16);

    private final int ianaId;
    private final int icvLength;

    EspTransform(int ianaId, int icvLength) {
        this.ianaId = ianaId;
        this.icvLength = icvLength;
    }

    /** Returns the IKEv2 Transform Type 1 id. */
    public int ianaId() {
        return ianaId;
    }

    /** Returns the length of the Integrity Check Value in bytes. */
    public int icvLength() {
        return icvLength;
    }
}
