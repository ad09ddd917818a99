module org.pqipsec.cli {
    requires org.pqipsec.provider;
    requires org.pqipsec.esp;
    requires info.picocli;
    opens org.pqipsec.cli to info.picocli;
}
