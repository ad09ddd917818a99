/** The {@code pqipsec} command line tool. */
module org.pqipsec.cli {
    requires org.pqipsec.provider;
    requires org.pqipsec.esp;
    requires info.picocli;

    uses java.security.Provider;

    opens org.pqipsec.cli to info.picocli;
    opens org.pqipsec.cli.demo to info.picocli;
    opens org.pqipsec.cli.keys to info.picocli;
    opens org.pqipsec.cli.esp to info.picocli;
}
