package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.OperatorInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Reads the compiled classes of the ML-KEM path (key generation, encapsulation and
 * decapsulation) and fails on any integer division or remainder instruction, whose running time
 * on x86 and ARM can depend on the operands.
 */
class MlKemConstantTimeTest {

    private static final List<Class<?>> DECAPSULATION_PATH = List.of(
            MlKemField.class, MlKemNtt.class, MlKemEncoding.class, MlKemSampling.class,
            Keccak.class, KPke.class, KPke.EncryptionKey.class, MlKemInternal.class,
            MlKemInternal.EncapsulationKey.class, MlKemInternal.DecapsulationKey.class,
            RingElement.class, NttElement.class, NativeMlKemEngine.class,
            NativeMlKemEngine.NativeEncapsulator.class, nested(NativeMlKemEngine.class,
                    "NativeDecapsulationKey"),
            MlKemKem.class, MlKemPublicKey.class, MlKemPrivateKey.class);

    private static final Set<Opcode> DIVISIONS =
            Set.of(Opcode.IDIV, Opcode.IREM, Opcode.LDIV, Opcode.LREM);

    @Test
    void noIntegerDivisionOnDecapsulationPath() throws Exception {
        List<String> found = new ArrayList<>();
        int methods = 0;
        for (Class<?> type : DECAPSULATION_PATH) {
            for (MethodModel method : parse(type).methods()) {
                methods++;
                method.code().ifPresent(code -> {
                    for (CodeElement element : code) {
                        if (element instanceof OperatorInstruction operator
                                && DIVISIONS.contains(operator.opcode())) {
                            found.add(type.getSimpleName() + "." + method.methodName()
                                    .stringValue() + ": " + operator.opcode());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found);
        // Guards against an empty scan, for example after a class was renamed.
        assertEquals(true, methods > 40, "methods scanned: " + methods);
    }

    @Test
    void scannerFindsDivisionInThisTest() throws Exception {
        boolean seen = false;
        for (MethodModel method : parse(MlKemConstantTimeTest.class).methods()) {
            for (CodeElement element : method.code().orElseThrow().elementList()) {
                if (element instanceof OperatorInstruction operator
                        && operator.opcode() == Opcode.IREM) {
                    seen = true;
                }
            }
        }
        assertEquals(true, seen);
    }

    /** A method with a remainder, so that the scanner is shown to detect one. */
    static int remainder(int a, int b) {
        return a % b;
    }

    /** Returns a private nested class, which a class literal cannot name from here. */
    private static Class<?> nested(Class<?> outer, String simpleName) {
        try {
            return Class.forName(outer.getName() + "$" + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(outer.getSimpleName() + "." + simpleName + " not found", e);
        }
    }

    private static ClassModel parse(Class<?> type) throws Exception {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return ClassFile.of().parse(in.readAllBytes());
        }
    }
}
