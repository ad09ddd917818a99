package org.pqipsec.provider.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.crypto.SecretKey;

/** Copies the lists of shared secrets that the parameter specs take. */
final class SharedSecrets {

    private SharedSecrets() {}

    /**
     * Returns an unmodifiable copy of {@code sharedSecrets}. The list must not be null, but an
     * element may be null for the KDF to reject with a message that names its index.
     */
    static List<SecretKey> copy(List<SecretKey> sharedSecrets, String field) {
        Objects.requireNonNull(sharedSecrets, field);
        return Collections.unmodifiableList(new ArrayList<>(sharedSecrets));
    }
}
