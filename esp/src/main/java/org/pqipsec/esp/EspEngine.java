package org.pqipsec.esp;

import java.security.InvalidKeyException;
import java.util.Locale;

/** The AEAD implementations an SA can run on, chosen by name ({@code jca}, {@code auto}). */
public enum EspEngine implements AeadEngine.Factory {

    /**
     * The JDK's ciphers: {@code AES/GCM/NoPadding} and {@code ChaCha20-Poly1305} from the first
     * provider that offers them (SunJCE on a stock JDK). AES-GCM with an 8-byte ICV, a tag
     * length SunJCE does not offer, runs {@code AES/CTR} with a constant-time GHASH.
     */
    JCA {
        @Override
        public AeadEngine create(EspTransform transform, byte[] key) throws InvalidKeyException {
            if (transform == EspTransform.ENCR_AES_GCM_8) {
                return new CtrGhashGcmEngine(key, transform.icvLength());
            }
            return new JcaAeadEngine(transform, key);
        }
    },

    /** The fastest engine available for the transform; today that is always {@link #JCA}. */
    AUTO {
        @Override
        public AeadEngine create(EspTransform transform, byte[] key) throws InvalidKeyException {
            return JCA.create(transform, key);
        }
    };

    /** Returns the lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds an engine by its case-insensitive name.
     *
     * @throws IllegalArgumentException if the name is not {@code jca} or {@code auto}
     */
    public static EspEngine parse(String name) {
        for (EspEngine engine : values()) {
            if (engine.id().equalsIgnoreCase(name.trim())) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown ESP engine '" + name + "'; expected jca or auto");
    }
}
