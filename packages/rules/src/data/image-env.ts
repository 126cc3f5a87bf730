/**
 * Environment variables that official images set in their config, beyond PATH (from their Dockerfiles on
 * Docker Hub, late 2026). BuildKit reads the real config at build time; dockfix only has this table, so
 * undefined-variable uses it to avoid reporting a variable the base image defines.
 */
export const IMAGE_ENV: Readonly<Record<string, readonly string[]>> = {
  python: ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256', 'PYTHON_SETUPTOOLS_VERSION'],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  golang: ['GOLANG_VERSION', 'GOTOOLCHAIN', 'GOPATH'],
  ruby: ['LANG', 'RUBY_MAJOR', 'RUBY_VERSION', 'RUBY_DOWNLOAD_URL', 'RUBY_DOWNLOAD_SHA256', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG'],
  php: ['PHPIZE_DEPS', 'PHP_INI_DIR', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256', 'APACHE_CONFDIR', 'APACHE_ENVVARS'],
  openjdk: ['JAVA_HOME', 'JAVA_VERSION', 'LANG'],
  'eclipse-temurin': ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'],
  amazoncorretto: ['JAVA_HOME', 'LANG'],
  maven: ['MAVEN_HOME', 'MAVEN_CONFIG', 'JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'],
  gradle: ['GRADLE_HOME', 'GRADLE_VERSION', 'JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  postgres: ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA'],
  redis: ['REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA', 'REDIS_VERSION'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  erlang: ['OTP_VERSION', 'REBAR3_VERSION', 'LANG'],
  elixir: ['ELIXIR_VERSION', 'LANG'],
  tomcat: ['CATALINA_HOME', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH', 'GPG_KEYS', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512', 'JAVA_HOME', 'JAVA_VERSION', 'LANG'],
};

/** Official images whose config sets no variable but PATH (and `scratch`, to which BuildKit adds PATH). */
export const PATH_ONLY_IMAGES: ReadonlySet<string> = new Set(['scratch', 'alpine', 'busybox', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'archlinux']);

/** Every name in IMAGE_ENV: names some common base image may define. */
export const COMMON_IMAGE_ENV: ReadonlySet<string> = new Set(Object.values(IMAGE_ENV).flat());
