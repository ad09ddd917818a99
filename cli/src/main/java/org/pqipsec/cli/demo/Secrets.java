package org.pqipsec.cli.demo;

import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/** Destroys key objects after their last use. */
final class Secrets {

    private Secrets() {}

    /**
     * Destroys {@code key} when it supports it. Keys of the JDK providers that do not implement
     * {@code destroy()} throw {@link DestroyFailedException}; they are left to the garbage
     * collector, as there is no other way to wipe them.
     */
    static void destroy(Object key) {
        if (key instanceof Destroyable destroyable && !destroyable.isDestroyed()) {
            try {
                destroyable.destroy();
            } catch (DestroyFailedException e) {
                // The key class does not support destruction; nothing else can wipe it.
            }
        }
    }
}
