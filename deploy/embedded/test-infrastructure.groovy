// The test infrastructure of a Maven build (root pom.xml: gmavenplus-plugin, phase process-test-classes, every module).
//
// Once per build (the first module to get here decides, later modules reuse the decision): when nothing answers at
// TCCMALL_DB_HOST:TCCMALL_DB_PORT (default 127.0.0.1:3306) an embedded MariaDB starts there, and the same for Redis at
// TCCMALL_REDIS_HOST:TCCMALL_REDIS_PORT (default 127.0.0.1:6379), inside this Maven JVM (deploy/embedded/Launcher.java):
// they stop when Maven exits, normally or on Ctrl-C. A server that answers is used as it is (external). Only a
// loopback host can be embedded. Nothing starts when the build runs no tests (-DskipTests, -Dmaven.test.skip, no
// test phase) or with -Dtccmall.embedded=false.
//
// The decision is the project property tccmall.infrastructure; surefire and failsafe hand it to every test JVM as a
// system property, so every TEST-*.xml report records which infrastructure ran.
// Bindings from gmavenplus: project, session, log.

String env(String name, String fallback) {
  String value = System.getenv(name)
  value == null || value.isEmpty() ? fallback : value
}

boolean answers(String host, int port) {
  try {
    new Socket().withCloseable { it.connect(new InetSocketAddress(host, port), 2000) }
    true
  } catch (IOException ignored) {
    false
  }
}

boolean flag(String name) {
  String value = session.userProperties.getProperty(name) ?: session.systemProperties.getProperty(name)
  value != null && value != 'false'
}

boolean testsRun() {
  if (flag('skipTests') || flag('maven.test.skip')) {
    return false
  }
  def testing = ['test', 'integration-test', 'verify', 'install', 'deploy']
  session.goals.any { goal -> goal in testing || goal.endsWith(':test') || goal.endsWith(':integration-test') }
}

String decide() {
  if (!testsRun()) {
    return 'none (no tests in this build)'
  }
  if (session.userProperties.getProperty('tccmall.embedded') == 'false') {
    return 'external (-Dtccmall.embedded=false)'
  }
  File root = session.request.multiModuleProjectDirectory
  def launcher = null
  def load = {
    if (launcher == null) {
      launcher = new GroovyClassLoader(getClass().classLoader).parseClass(new File(root, 'deploy/embedded/Launcher.java'))
    }
    launcher
  }
  def parts = []
  [[name: 'MariaDB', host: env('TCCMALL_DB_HOST', '127.0.0.1'), port: env('TCCMALL_DB_PORT', '3306') as int],
   [name: 'Redis', host: env('TCCMALL_REDIS_HOST', '127.0.0.1'), port: env('TCCMALL_REDIS_PORT', '6379') as int]].each { s ->
    String where = "${s.host}:${s.port}"
    if (answers(s.host, s.port)) {
      parts << "${s.name} external at $where"
      return
    }
    if (!(s.host in ['127.0.0.1', 'localhost'])) {
      throw new IllegalStateException("nothing answers at $where (${s.name}) and only 127.0.0.1/localhost can be " +
          'embedded: start it, or point TCCMALL_DB_HOST/PORT, TCCMALL_REDIS_HOST/PORT elsewhere')
    }
    File dir = new File(root, "target/embedded/${s.name.toLowerCase()}-${s.port}")
    long began = System.nanoTime()
    log.info("[tccmall] nothing answers at $where: starting an embedded ${s.name} there ($dir)")
    if (s.name == 'MariaDB') {
      String why = load().unsupported()
      if (why != null) {
        throw new IllegalStateException(why)
      }
      load().mariaDb(s.port, dir)
    } else {
      load().redis(s.port, dir)
    }
    log.info("[tccmall] embedded ${s.name} up at $where in ${(System.nanoTime() - began).intdiv(1_000_000)} ms (stops with Maven)")
    parts << "${s.name} embedded at $where"
  }
  parts.join(', ')
}

synchronized (System.getProperties()) {
  String infrastructure = System.getProperty('tccmall.infrastructure')
  if (infrastructure == null) {
    infrastructure = decide()
    System.setProperty('tccmall.infrastructure', infrastructure)
    log.info("[tccmall] test infrastructure: $infrastructure")
  }
  project.properties.setProperty('tccmall.infrastructure', infrastructure)
}
