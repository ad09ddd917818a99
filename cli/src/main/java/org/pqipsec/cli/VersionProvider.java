package org.pqipsec.cli;

import java.lang.module.ModuleDescriptor;
import java.util.Optional;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version of the {@code org.pqipsec.cli} module (set by the build), or of the JAR
 * manifest when the command runs from the class path, and the Java runtime that runs it.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Optional<String> moduleVersion = Optional.ofNullable(Main.class.getModule().getDescriptor())
                .flatMap(ModuleDescriptor::rawVersion);
        String version = moduleVersion.orElse(Main.class.getPackage().getImplementationVersion());
        return new String[] {
            "pqipsec " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
