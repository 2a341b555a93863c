package dev.procgroups.lua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes LuaJ 3.0.1 print numbers as Lua 5.2 does. Stock {@code LuaDouble.tojstring} goes through
 * {@code float} ({@code tostring(1/3)} is "0.33333334", {@code tostring(1e100)} is "Infinity"), and
 * every number-to-string path of the interpreter ({@code tostring}, {@code print}, {@code ..},
 * {@code table.concat}) calls it, so no library replacement can fix {@code ..}. Before LuaJ loads
 * the class, this defines {@code org.luaj.vm2.LuaDouble} from the jar's own bytes with that one
 * method's body replaced by a call to {@link LuaNumberFormat#toLuaString(double)}.
 *
 * <p>This class must not mention LuaJ types: loading it must not load {@code LuaDouble}.
 */
public final class LuaNumberPatch {

  private static final String TARGET = "org/luaj/vm2/LuaDouble";
  private static final boolean ACTIVE = install();

  private LuaNumberPatch() {}

  /** Installs the patch once (on first call); true if the patched class is the one in use. */
  public static boolean ensureInstalled() {
    return ACTIVE;
  }

  private static boolean install() {
    ClassLoader loader = LuaNumberPatch.class.getClassLoader();
    try {
      // org.luaj.vm2.Lua is a constants interface: loading it does not load LuaDouble.
      Class<?> anchor = Class.forName("org.luaj.vm2.Lua", false, loader);
      if (anchor.getClassLoader() != loader) {
        // The patched class must see LuaNumberFormat: only possible when LuaJ and this binding
        // share a class loader (the usual flat class path).
        warn("LuaJ is in another class loader than the procgroups Lua binding");
        return false;
      }
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
      lookup.defineClass(patchedBytes(loader));
      return true;
    } catch (LinkageError alreadyLoaded) {
      // LuaJ was used before the binding started: numbers print the stock way.
      warn("LuaDouble was loaded before the procgroups Lua binding");
      return false;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("LuaJ not on the class path", e);
    }
  }

  private static void warn(String why) {
    System.getLogger(LuaNumberPatch.class.getName()).log(System.Logger.Level.WARNING,
        why + "; numbers print as stock LuaJ 3.0.1 prints them (tostring(1/3) = 0.33333334)");
  }

  private static byte[] patchedBytes(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(TARGET + ".class")) {
      if (in == null) {
        throw new IllegalStateException("LuaJ's LuaDouble.class not found");
      }
      ClassReader reader = new ClassReader(in.readAllBytes());
      ClassWriter writer = new ClassWriter(reader, 0);
      reader.accept(new ToStringReplacer(writer), 0);
      return writer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites {@code String tojstring()} to {@code return LuaNumberFormat.toLuaString(this.v);}. */
  private static final class ToStringReplacer extends ClassVisitor {
    ToStringReplacer(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      if (!name.equals("tojstring") || !descriptor.equals("()Ljava/lang/String;")) {
        return mv;
      }
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitFieldInsn(Opcodes.GETFIELD, TARGET, "v", "D");
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/procgroups/lua/LuaNumberFormat", "toLuaString",
          "(D)Ljava/lang/String;", false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(2, 1);
      mv.visitEnd();
      return null; // drop the original body
    }
  }
}
