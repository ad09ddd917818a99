module org.pqipsec.esp {
    exports org.pqipsec.esp;
}
