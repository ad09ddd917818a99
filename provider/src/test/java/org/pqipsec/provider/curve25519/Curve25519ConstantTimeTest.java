package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.OperatorInstruction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Reads every compiled class of the curve25519 package and fails on any integer division or
 * remainder instruction, whose running time on x86 and ARM can depend on the operands.
 */
class Curve25519ConstantTimeTest {

    private static final Set<Opcode> DIVISIONS =
            Set.of(Opcode.IDIV, Opcode.IREM, Opcode.LDIV, Opcode.LREM);

    @Test
    void noIntegerDivisionInPackage() throws Exception {
        List<Path> classFiles = packageClassFiles();
        List<String> names = new ArrayList<>();
        for (Path file : classFiles) {
            names.add(file.getFileName().toString());
        }
        // Guards against an empty or partial scan, for example after a class was renamed.
        for (Class<?> type : List.of(Field25519.class, MontgomeryLadder.class, EdwardsPoint.class,
                EdwardsPoint.Scratch.class, BasePointTable.class, FixedBase.class, X25519.class)) {
            String name = type.getName();
            String expected = name.substring(name.lastIndexOf('.') + 1) + ".class";
            assertTrue(names.contains(expected), expected + " not scanned: " + names);
        }

        List<String> found = new ArrayList<>();
        for (Path file : classFiles) {
            ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
            for (MethodModel method : model.methods()) {
                method.code().ifPresent(code -> {
                    for (CodeElement element : code) {
                        if (element instanceof OperatorInstruction operator
                                && DIVISIONS.contains(operator.opcode())) {
                            found.add(model.thisClass().asInternalName() + "."
                                    + method.methodName().stringValue() + ": " + operator.opcode());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void scannerFindsDivisionInThisTest() throws Exception {
        Path self = classDirectory(Curve25519ConstantTimeTest.class)
                .resolve("Curve25519ConstantTimeTest.class");
        boolean seen = false;
        for (MethodModel method : ClassFile.of().parse(Files.readAllBytes(self)).methods()) {
            for (CodeElement element : method.code().orElseThrow().elementList()) {
                if (element instanceof OperatorInstruction operator
                        && operator.opcode() == Opcode.LREM) {
                    seen = true;
                }
            }
        }
        assertTrue(seen);
    }

    /** A method with a remainder, so that the scanner is shown to detect one. */
    static long remainder(long a, long b) {
        return a % b;
    }

    /** Returns the class files of the main (not test) curve25519 package. */
    private static List<Path> packageClassFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(classDirectory(Field25519.class))) {
            return files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static Path classDirectory(Class<?> type) throws URISyntaxException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(type.getPackageName().replace('.', '/'));
    }
}
