package org.photoparity.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What every PhotoParity start script and the native launcher run: {@code java -jar
 * plugins/org.photoparity.launcher_*.jar [command] [options]}. Plain Java (compiled for Java 8 so that an old Java
 * gets a clear message instead of a class-version error), loaded before any OSGi. It decides the mode and hands over
 * to the Equinox launcher:
 * <ul>
 * <li>no arguments, {@code workbench [options]} or Eclipse options such as {@code -data DIR}: the workbench (needs a
 * display on Linux);</li>
 * <li>anything else: the headless application {@value #CLI_APPLICATION} at start level {@value #HEADLESS_START_LEVEL},
 * below the level of the bundles only the workbench and p2 need (declarative services, SPI Fly, event admin, the
 * framework admin bundles: start level 5 in the product), so a headless command starts none of them;</li>
 * <li>{@code --version} alone: answered from the framework's own bundle list (the version of org.photoparity.core in
 * the simple configurator's bundles.info, which is what the OSGi command prints) without starting OSGi, unless that
 * list may not be the one the framework would use (another configuration area) or
 * {@code PHOTOPARITY_NO_FAST_PATH} is set.</li>
 * </ul>
 */
public final class Main {

    /** The headless application's id (plugin.xml of org.photoparity.cli). */
    static final String CLI_APPLICATION = "org.photoparity.cli.app";
    /** Headless commands stop the framework here; the workbench runs at Equinox's default, 6. */
    static final String HEADLESS_START_LEVEL = "4";
    static final int MIN_JAVA = 21;
    static final String CORE_BUNDLE = "org.photoparity.core";
    static final String NO_FAST_PATH_ENV = "PHOTOPARITY_NO_FAST_PATH";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        int major = javaMajor(System.getProperty("java.specification.version", "0"));
        if (major < MIN_JAVA) {
            System.err.println("photoparity: Java " + System.getProperty("java.version") + " at "
                    + System.getProperty("java.home") + " is too old; PhotoParity needs Java " + MIN_JAVA
                    + " or newer. Set JAVA_HOME to one (the Linux packages carry their own).");
            System.exit(1);
        }
        systemProperties(System.getenv("PHOTOPARITY_JAVA_OPTS"));
        File install = installDir();
        List<String> argv = Arrays.asList(args);
        List<String> equinox = new ArrayList<String>();
        equinox.add("-nosplash");
        if (isWorkbench(argv)) {
            List<String> rest = !argv.isEmpty() && "workbench".equals(argv.get(0)) ? argv.subList(1, argv.size()) : argv;
            if (needsDisplay() && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
                System.err.println("photoparity: no display (DISPLAY is not set), so the workbench cannot open.");
                System.err.println("Run it on a desktop or under Xvfb, or use the headless commands: photoparity --help");
                System.exit(2);
            }
            if (!rest.contains("-data")) {
                File ws = defaultWorkspace();
                requireWritable(ws, "the workbench's layout folder", "or set XDG_DATA_HOME to a writable folder");
                equinox.add("-data");
                equinox.add(ws.getAbsolutePath());
            }
            equinox.addAll(rest);
        } else {
            if (argv.size() == 1 && ("--version".equals(argv.get(0)) || "version".equals(argv.get(0)))
                    && isBlank(System.getenv(NO_FAST_PATH_ENV))) {
                String version = installedVersion(install, CORE_BUNDLE);
                if (version != null) {
                    System.out.println("PhotoParity " + version);
                    System.out.flush();
                    System.exit(0);
                }
            }
            if (System.getProperty("osgi.startLevel") == null) {
                System.setProperty("osgi.startLevel", HEADLESS_START_LEVEL);
            }
            equinox.addAll(Arrays.asList("-consoleLog", "-data", "@none", "-application", CLI_APPLICATION));
            equinox.addAll(argv);
        }
        requireConfiguration(install);
        runEquinox(install, equinox.toArray(new String[0]));
    }

    /**
     * The workbench: no arguments, {@code workbench [options]}, or Eclipse's own options first ({@code -data DIR},
     * {@code -clean}, {@code -clearPersistedState}: one dash); commands and {@code --help}/{@code --version} are
     * headless.
     */
    static boolean isWorkbench(List<String> argv) {
        if (argv.isEmpty() || "workbench".equals(argv.get(0))) return true;
        String first = argv.get(0);
        return first.startsWith("-") && !first.startsWith("--") && first.length() > 1;
    }

    /**
     * A folder PhotoParity must write (created when missing). Without this check the framework gives up with exit
     * code 15 and an HTML message that names no folder; here the message says which folder to make writable.
     */
    static void requireWritable(File dir, String what, String alternative) {
        if ((dir.isDirectory() || dir.mkdirs()) && Files.isWritable(dir.toPath())) return;
        File existing = dir.getAbsoluteFile();
        while (existing != null && !existing.exists()) existing = existing.getParentFile();
        System.err.println("photoparity: cannot write " + dir + " (" + what + "): make "
                + (existing == null ? dir : existing) + " writable, " + alternative + ".");
        System.exit(1);
    }

    /** The OSGi configuration area: the install's own when writable, else a per-user one under the home folder. */
    private static void requireConfiguration(File install) {
        if (System.getProperty("osgi.configuration.area") != null) return;
        if (Files.isWritable(new File(install, "configuration").toPath())) return;
        requireWritable(new File(System.getProperty("user.home", "."), ".eclipse"),
                "where the framework keeps its configuration for a read-only install",
                "or start with -Dosgi.configuration.area=<a writable folder> in PHOTOPARITY_JAVA_OPTS");
    }

    /**
     * The -Dkey=value entries of PHOTOPARITY_JAVA_OPTS as system properties, for the native launcher of the Linux
     * packages, which cannot pass that variable to the JVM it starts (the start scripts do; setting them again here
     * changes nothing). Other JVM options there belong in lib/app/photoparity-desktop.cfg.
     */
    static void systemProperties(String opts) {
        if (opts == null) return;
        for (String token : opts.trim().split("\\s+")) {
            if (!token.startsWith("-D") || token.length() < 3) continue;
            int eq = token.indexOf('=');
            String key = eq < 0 ? token.substring(2) : token.substring(2, eq);
            if (!key.isEmpty() && System.getProperty(key) == null) {
                System.setProperty(key, eq < 0 ? "" : token.substring(eq + 1));
            }
        }
    }

    /**
     * The product folder: this jar is {@code <install>/plugins/org.photoparity.launcher_<version>.jar}, found on the
     * class path (a class restored from a relocated AOT cache may have a code source without a location).
     */
    static File installDir() throws IOException {
        File jar = null;
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            File f = new File(entry);
            if (f.getName().startsWith("org.photoparity.launcher_") && f.getName().endsWith(".jar")) {
                jar = f.getAbsoluteFile();
                break;
            }
        }
        if (jar == null) {
            java.security.CodeSource cs = Main.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                throw new IOException("cannot locate the PhotoParity launcher jar: start it with java -jar "
                        + "<product>/plugins/org.photoparity.launcher_<version>.jar");
            }
            try {
                jar = new File(cs.getLocation().toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IOException("cannot locate the PhotoParity launcher jar", e);
            }
        }
        File plugins = jar.getParentFile();
        if (plugins == null || plugins.getParentFile() == null || !"plugins".equals(plugins.getName())) {
            throw new IOException("the PhotoParity launcher must run from <product>/plugins, not " + jar);
        }
        return plugins.getParentFile();
    }

    private static void runEquinox(File install, String[] args) throws Throwable {
        File launcherJar = newest(new File(install, "plugins"), "org.eclipse.equinox.launcher_");
        if (launcherJar == null) {
            System.err.println("photoparity: no plugins/org.eclipse.equinox.launcher_*.jar in " + install
                    + ": the product is incomplete.");
            System.exit(1);
        }
        ClassLoader loader = frameworkLoader(install, launcherJar);
        Method main = loader.loadClass("org.eclipse.equinox.launcher.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args); // exits with the application's code
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The class loader of the Equinox launcher and, through it, of the framework: the launcher jar, the framework jar
     * and its extensions (config.ini's osgi.framework and osgi.framework.extensions), read without checking their jar
     * signatures. A URLClassLoader verifies a signed jar's signature before its first class (0.35-0.5 s on a cold
     * JVM, measured) and the digest of every entry read; and a JDK 25 AOT cache skips classes from signed jars, so the
     * framework's 500 classes could not come from the cache. The Equinox launcher makes this loader the framework
     * loader's parent (osgi.frameworkParentClassloader=current), which finds the framework classes here first. When
     * config.ini does not name the framework (another layout), only the launcher jar, as before.
     */
    static ClassLoader frameworkLoader(File install, File launcherJar) throws IOException {
        List<File> jars = new ArrayList<File>();
        jars.add(launcherJar);
        if (System.getProperty("osgi.frameworkParentClassloader") == null) {
            List<File> framework = frameworkJars(install);
            if (!framework.isEmpty()) {
                jars.addAll(framework);
                System.setProperty("osgi.frameworkParentClassloader", "current");
            }
        }
        return new UnverifiedJarLoader(jars, Main.class.getClassLoader());
    }

    /** The framework jar and its extensions as config.ini names them, or an empty list when one is missing. */
    static List<File> frameworkJars(File install) {
        Properties ini = new Properties();
        try (InputStream in = Files.newInputStream(new File(install, "configuration/config.ini").toPath())) {
            ini.load(in);
        } catch (IOException e) {
            return new ArrayList<File>();
        }
        List<File> out = new ArrayList<File>();
        File framework = fileUrl(install, ini.getProperty("osgi.framework"));
        if (framework == null || !framework.isFile()) return new ArrayList<File>();
        out.add(framework);
        String extensions = ini.getProperty("osgi.framework.extensions");
        if (extensions != null) {
            for (String ext : extensions.split(",")) {
                File f = fileUrl(framework.getParentFile(), ext.trim());
                if (f == null || !f.isFile()) return new ArrayList<File>();
                out.add(f);
            }
        }
        return out;
    }

    /** {@code [reference:]file:PATH}, relative to {@code base} unless absolute; null for anything else. */
    private static File fileUrl(File base, String url) {
        if (url == null) return null;
        String u = url.startsWith("reference:") ? url.substring("reference:".length()) : url;
        if (!u.startsWith("file:")) return null;
        File f = new File(u.substring("file:".length()));
        return f.isAbsolute() ? f : new File(base, f.getPath());
    }

    /**
     * Classes and resources of a few jars, read through JarFiles opened without verification (no signers on the
     * classes). URLs added later (addURL, which the framework uses for extensions installed at run time) are served by
     * URLClassLoader as usual.
     */
    static final class UnverifiedJarLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final java.util.jar.JarFile[] jars;
        private final URL[] bases;
        private final java.security.CodeSource[] sources;

        UnverifiedJarLoader(List<File> files, ClassLoader parent) throws IOException {
            super(new URL[0], parent);
            jars = new java.util.jar.JarFile[files.size()];
            bases = new URL[files.size()];
            sources = new java.security.CodeSource[files.size()];
            for (int i = 0; i < files.size(); i++) {
                jars[i] = new java.util.jar.JarFile(files.get(i), false);
                bases[i] = files.get(i).toURI().toURL();
                sources[i] = new java.security.CodeSource(bases[i], (java.security.CodeSigner[]) null);
            }
        }

        @Override
        public void addURL(URL url) {
            super.addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/') + ".class";
            for (int i = 0; i < jars.length; i++) {
                java.util.jar.JarEntry e = jars[i].getJarEntry(path);
                if (e == null) continue;
                byte[] bytes;
                try (InputStream in = jars[i].getInputStream(e)) {
                    bytes = readAll(in);
                } catch (IOException ex) {
                    throw new ClassNotFoundException(name, ex);
                }
                int dot = name.lastIndexOf('.');
                if (dot > 0) {
                    String pkg = name.substring(0, dot);
                    if (getPackage(pkg) == null) {
                        try {
                            java.util.jar.Manifest mf = jars[i].getManifest();
                            if (mf != null) definePackage(pkg, mf, bases[i]);
                            else definePackage(pkg, null, null, null, null, null, null, null);
                        } catch (IllegalArgumentException | IOException raced) {
                            // defined meanwhile by another thread, or no manifest: the class still loads
                        }
                    }
                }
                return defineClass(name, bytes, 0, bytes.length, sources[i]);
            }
            return super.findClass(name);
        }

        @Override
        public URL findResource(String name) {
            for (int i = 0; i < jars.length; i++) {
                URL u = resource(i, name);
                if (u != null) return u;
            }
            return super.findResource(name);
        }

        @Override
        public java.util.Enumeration<URL> findResources(String name) throws IOException {
            List<URL> out = new ArrayList<URL>();
            for (int i = 0; i < jars.length; i++) {
                URL u = resource(i, name);
                if (u != null) out.add(u);
            }
            out.addAll(java.util.Collections.list(super.findResources(name)));
            return java.util.Collections.enumeration(out);
        }

        /** A jar: URL whose content is read from the unverified JarFile (its text is the usual jar: form). */
        private URL resource(int i, String name) {
            final java.util.jar.JarFile jar = jars[i];
            final java.util.jar.JarEntry e = jar.getJarEntry(name);
            if (e == null || e.isDirectory()) return null;
            try {
                return new URL(null, "jar:" + bases[i] + "!/" + name, new java.net.URLStreamHandler() {
                    @Override
                    protected java.net.URLConnection openConnection(URL u) {
                        return new java.net.URLConnection(u) {
                            @Override
                            public void connect() {
                                connected = true;
                            }

                            @Override
                            public InputStream getInputStream() throws IOException {
                                return jar.getInputStream(e);
                            }

                            @Override
                            public long getContentLengthLong() {
                                return e.getSize();
                            }
                        };
                    }
                });
            } catch (java.net.MalformedURLException ex) {
                return null;
            }
        }

        private static byte[] readAll(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0;) out.write(buf, 0, n);
            return out.toByteArray();
        }
    }

    /**
     * The version of a bundle in the simple configurator's list of the install's configuration, or null when that
     * list may not be what the framework runs: another configuration area was asked for, the install is shared
     * (read-only) and a per-user configuration exists, or the bundle is listed other than exactly once.
     */
    static String installedVersion(File install, String symbolicName) {
        if (System.getProperty("osgi.configuration.area") != null
                || System.getProperty("osgi.sharedConfiguration.area") != null) {
            return null;
        }
        File config = new File(install, "configuration");
        if (!Files.isWritable(config.toPath()) && hasUserConfiguration()) {
            return null;
        }
        Properties ini = new Properties();
        try (InputStream in = Files.newInputStream(new File(config, "config.ini").toPath())) {
            ini.load(in);
        } catch (IOException e) {
            return null;
        }
        if (ini.getProperty("osgi.configuration.area") != null) {
            return null;
        }
        String url = ini.getProperty("org.eclipse.equinox.simpleconfigurator.configUrl");
        if (url == null || !url.startsWith("file:")) {
            return null;
        }
        String rel = url.substring("file:".length());
        File list = new File(rel).isAbsolute() ? new File(rel) : new File(config, rel);
        if (list.length() > 1 << 20) {
            return null;
        }
        String found = null;
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(Files.newInputStream(list.toPath()), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("#")) continue;
                String[] f = line.split(",");
                if (f.length >= 3 && f[0].equals(symbolicName)) {
                    if (found != null) return null;
                    found = f[1].trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found == null || found.isEmpty() ? null : found;
    }

    /** A shared install may be layered with a per-user configuration under ~/.eclipse (p2 user installs). */
    private static boolean hasUserConfiguration() {
        File[] dirs = new File(System.getProperty("user.home", "."), ".eclipse").listFiles();
        if (dirs == null) return false;
        for (File d : dirs) {
            if (new File(d, "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").isFile()) return true;
        }
        return false;
    }

    static File newest(File dir, String prefix) {
        File[] files = dir.listFiles();
        File best = null;
        if (files == null) return null;
        for (File f : files) {
            String n = f.getName();
            if (n.startsWith(prefix) && n.endsWith(".jar") && (best == null || n.compareTo(best.getName()) > 0)) {
                best = f;
            }
        }
        return best;
    }

    static int javaMajor(String spec) {
        String s = spec.startsWith("1.") ? spec.substring(2) : spec;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean needsDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !os.startsWith("windows") && !os.startsWith("mac");
    }

    /** Where the workbench keeps its layout: the platform's per-user application data folder. */
    static File defaultWorkspace() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home", ".");
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            return new File(isBlank(local) ? home + "\\AppData\\Local" : local, "PhotoParity\\workspace");
        }
        if (os.startsWith("mac")) {
            return new File(home, "Library/Application Support/PhotoParity/workspace");
        }
        String data = System.getenv("XDG_DATA_HOME");
        return new File(isBlank(data) ? home + "/.local/share" : data, "photoparity/workspace");
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
