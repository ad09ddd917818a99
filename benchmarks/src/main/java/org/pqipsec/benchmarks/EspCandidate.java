package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;

/** One implementation of ESP with ENCR_AES_GCM_16 (RFC 4303, RFC 4106) for one SA pair. */
interface EspCandidate {

    /** Builds the next ESP packet, from the SPI to the ICV, that carries {@code payload}. */
    byte[] seal(byte[] payload) throws GeneralSecurityException;

    /** Verifies and decrypts {@code packet} and returns its payload. */
    byte[] open(byte[] packet) throws GeneralSecurityException;

    /**
     * Starts the receiver over with no packet seen, so that packets opened before are accepted
     * again. Only an implementation with an anti-replay window needs it.
     */
    default void resetReceiver() throws GeneralSecurityException {}
}
