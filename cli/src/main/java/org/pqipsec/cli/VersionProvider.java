package org.pqipsec.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the JAR manifest and the Java runtime that runs the command. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "pqipsec " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
