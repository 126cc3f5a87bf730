// Stub programs for the differential test, written as POSIX sh (they run under dash in the sandbox).
//
// Each stub stands in for a real tool and does two things:
//   1. appends its raw argv and working directory to /argv.log (for debugging; not compared), and
//   2. models what the tool does to the image: the packages it installs (files under /usr/share/pkgs),
//      the caches it fills (/var/cache/…, /root/.cache/…, which the comparison ignores, since changing
//      them is exactly what a safe fix may do), and the state later commands depend on (apt lists, the
//      apk index, package.json in the working directory). Behaviour a safe fix must not change is appended
//      to /trace as one line per effect, with the working directory.
//
// Conventions the generator relies on: a package named `big-*` has extra dependencies, so apt, yum, dnf
// and zypper stop at their confirmation prompt without `-y` (and fail, as in a real build); a URL containing
// `missing` makes curl/wget fail (exit 22 / 8).

const LIB = `
trace() { printf '%s cwd=%s\n' "$*" "$PWD" >> /trace; }
rawlog() { printf '%s | cwd=%s\n' "$*" "$PWD" >> /argv.log; }
mk() { case "$1" in */*) [ -d "\${1%/*}" ] || mkdir -p "\${1%/*}" ;; esac; printf '%s\n' "\${2:-x}" > "$1"; }
`;

const APT = `#!/bin/sh
. /stubs/_lib.sh
tool=\${0##*/}
rawlog "$tool" "$@"
yes=0; norec=0; sub=; pkgs=; q=0
while [ $# -gt 0 ]; do
  case "$1" in
    -y|--yes|--assume-yes|--force-yes) yes=1 ;;
    -q=2|--quiet=2) yes=1 ;;
    -q|--quiet) q=$((q + 1)); [ $q -ge 2 ] && yes=1 ;;
    -o|-c|-t)
      shift
      case "$1" in
        APT::Get::Assume-Yes=true) yes=1 ;;
        APT::Install-Recommends=false|APT::Install-Recommends=0) norec=1 ;;
      esac ;;
    --no-install-recommends) norec=1 ;;
    --*) ;;
    -*)
      case "$1" in *y*) yes=1 ;; esac
      case "$1" in *qq*) yes=1 ;; esac ;;
    *) if [ -z "$sub" ]; then sub=$1; else pkgs="$pkgs $1"; fi ;;
  esac
  shift
done
needs_yes() { for p in $pkgs; do case "$p" in big-*) [ $yes = 1 ] || { echo "Do you want to continue? [Y/n] Abort." >&2; exit 1; } ;; esac; done; }
case "$sub" in
  update) mk /var/lib/apt/lists/deb.debian.org_bookworm_Packages "index" ;;
  install|reinstall)
    for p in $pkgs; do
      [ -f /var/lib/apt/lists/deb.debian.org_bookworm_Packages ] || { echo "E: Unable to locate package \${p%%=*}" >&2; exit 100; }
    done
    needs_yes
    for p in $pkgs; do
      n=\${p%%=*}
      mk /usr/share/pkgs/deb/$n
      [ $norec = 1 ] || mk /usr/share/pkgs/deb/$n.recommended
      [ "$tool" = apt ] || mk /var/cache/apt/archives/$n.deb
    done
    trace "apt install$pkgs norec=$norec" ;;
  remove|purge|autoremove)
    needs_yes
    for p in $pkgs; do rm -f /usr/share/pkgs/deb/$p /usr/share/pkgs/deb/$p.recommended; done
    trace "apt $sub$pkgs" ;;
  upgrade|dist-upgrade|full-upgrade)
    [ -f /var/lib/apt/lists/deb.debian.org_bookworm_Packages ] || { echo "E: no lists" >&2; exit 100; }
    trace "apt upgrade" ;;
  clean|autoclean) rm -rf /var/cache/apt/archives ;;
  *) trace "$tool $sub$pkgs" ;;
esac
`;

const APT_CACHE = `#!/bin/sh
. /stubs/_lib.sh
rawlog apt-cache "$@"
[ -f /var/lib/apt/lists/deb.debian.org_bookworm_Packages ] || { echo "E: no lists" >&2; exit 100; }
trace "apt-cache $*"
`;

const APK = `#!/bin/sh
. /stubs/_lib.sh
rawlog apk "$@"
nocache=0; update=0; sub=; pkgs=; virtual=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-cache) nocache=1 ;;
    -U|--update|--update-cache) update=1 ;;
    -t|--virtual) shift; virtual=$1 ;;
    --*) ;;
    -*) case "$1" in *U*) update=1 ;; esac ;;
    *) if [ -z "$sub" ]; then sub=$1; else pkgs="$pkgs $1"; fi ;;
  esac
  shift
done
# Like apk: without --no-cache a missing (or, with -U, any) index is fetched and kept in /var/cache/apk.
index() {
  if [ $nocache = 1 ]; then return 0; fi
  if [ $update = 1 ] || [ ! -f /var/cache/apk/APKINDEX.tar.gz ]; then mk /var/cache/apk/APKINDEX.tar.gz index; fi
}
case "$sub" in
  update) mk /var/cache/apk/APKINDEX.tar.gz index ;;
  add) index; for p in $pkgs; do mk /usr/share/pkgs/apk/\${p%%[=~]*}; done; [ -z "$virtual" ] || mk /usr/share/pkgs/apk/$virtual; trace "apk add$pkgs virtual=$virtual" ;;
  del) for p in $pkgs; do rm -f /usr/share/pkgs/apk/$p; done; trace "apk del$pkgs" ;;
  upgrade) index; trace "apk upgrade" ;;
  cache) rm -rf /var/cache/apk/* ;;
  *) trace "apk $sub$pkgs" ;;
esac
`;

const PIP = `#!/bin/sh
. /stubs/_lib.sh
rawlog pip "$@"
nocache=0; sub=; pkgs=
[ -n "$PIP_NO_CACHE_DIR" ] && nocache=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-cache-dir) nocache=1 ;;
    -r|--requirement)
      shift
      [ -f "$1" ] || { echo "ERROR: Could not open requirements file: $1" >&2; exit 1; }
      pkgs="$pkgs $(cat "$1")" ;;
    --*) ;;
    -*) ;;
    *) if [ -z "$sub" ]; then sub=$1; else pkgs="$pkgs $1"; fi ;;
  esac
  shift
done
case "$sub" in
  install)
    for p in $pkgs; do n=\${p%%[=<>~]*}; mk /usr/lib/python3/site-packages/$n; [ $nocache = 1 ] || mk /root/.cache/pip/wheels/$n.whl; done
    trace "pip install$pkgs" ;;
  cache) rm -rf /root/.cache/pip ;;
  *) trace "pip $sub$pkgs" ;;
esac
`;

const PYTHON = `#!/bin/sh
. /stubs/_lib.sh
if [ "$1" = -m ] && [ "$2" = pip ]; then shift 2; exec pip "$@"; fi
rawlog python3 "$@"
trace "python3 $*"
`;

const NPM = `#!/bin/sh
. /stubs/_lib.sh
rawlog npm "$@"
omitdev=0; global=0; force=0; sub=; args=
while [ $# -gt 0 ]; do
  case "$1" in
    --omit=dev|--production|--production=true|--only=production|--only=prod) omitdev=1 ;;
    --only) shift; case "$1" in prod|production) omitdev=1 ;; esac ;;
    -g|--global) global=1 ;;
    --force|-f) force=1 ;;
    -*) ;;
    *) if [ -z "$sub" ]; then sub=$1; else args="$args $1"; fi ;;
  esac
  shift
done
case "$sub" in
  ci|install|i)
    if [ -z "$args" ]; then
      [ -f package.json ] || { echo "npm ERR! enoent package.json" >&2; exit 254; }
      if [ "$sub" = ci ]; then [ -f package-lock.json ] || { echo "npm ERR! npm ci needs a lockfile" >&2; exit 1; }; rm -rf node_modules; fi
      mk node_modules/dep/index.js
      [ $omitdev = 1 ] || mk node_modules/devdep/index.js
      mk /root/.npm/_cacache/index-v5/dep
      trace "npm $sub omitdev=$omitdev"
    else
      for p in $args; do
        if [ $global = 1 ]; then mk /usr/local/lib/node_modules/\${p%%@*}/index.js; else mk node_modules/\${p%%@*}/index.js; fi
        mk /root/.npm/_cacache/index-v5/$p
      done
      trace "npm install global=$global$args"
    fi ;;
  cache)
    [ $force = 1 ] || { echo "npm ERR! As of npm@5, the npm cache self-heals; use --force" >&2; exit 1; }
    rm -rf /root/.npm/_cacache ;;
  prune) [ $omitdev = 1 ] && rm -rf node_modules/devdep; trace "npm prune omitdev=$omitdev" ;;
  run) mk "dist/\${args# }"; trace "npm run$args" ;;
  *) trace "npm $sub$args" ;;
esac
`;

const YARN = `#!/bin/sh
. /stubs/_lib.sh
rawlog yarn "$@"
frozen=0; prod=0; sub=; args=
while [ $# -gt 0 ]; do
  case "$1" in
    --frozen-lockfile|--immutable) frozen=1 ;;
    --production|--prod) prod=1 ;;
    -*) ;;
    *) if [ -z "$sub" ]; then sub=$1; else args="$args $1"; fi ;;
  esac
  shift
done
case "\${sub:-install}" in
  install)
    [ -f package.json ] || { echo "error Couldn't find a package.json" >&2; exit 1; }
    [ $frozen = 0 ] || [ -f yarn.lock ] || { echo "error Your lockfile needs to be updated" >&2; exit 1; }
    mk node_modules/dep/index.js
    [ $prod = 1 ] || mk node_modules/devdep/index.js
    [ -f yarn.lock ] || mk yarn.lock generated
    mk /usr/local/share/.cache/yarn/v6/dep
    trace "yarn install frozen=$frozen prod=$prod" ;;
  cache) rm -rf /usr/local/share/.cache/yarn ;;
  global|add) for p in $args; do [ "$p" = add ] || mk /usr/local/share/.config/yarn/global/node_modules/$p; done; mk /usr/local/share/.cache/yarn/v6/g; trace "yarn $sub$args" ;;
  *) trace "yarn $sub$args" ;;
esac
`;

const PNPM = `#!/bin/sh
. /stubs/_lib.sh
rawlog pnpm "$@"
frozen=0; prod=0; sub=; args=
while [ $# -gt 0 ]; do
  case "$1" in
    --frozen-lockfile) frozen=1 ;;
    --prod|-P|--production) prod=1 ;;
    -*) ;;
    *) if [ -z "$sub" ]; then sub=$1; else args="$args $1"; fi ;;
  esac
  shift
done
store=/root/.local/share/pnpm/store/v3
case "$sub" in
  install|i)
    [ -f package.json ] || { echo "ERR_PNPM_NO_PKG_MANIFEST" >&2; exit 1; }
    [ $frozen = 0 ] || [ -f pnpm-lock.yaml ] || { echo "ERR_PNPM_NO_LOCKFILE" >&2; exit 1; }
    mk $store/files/dep; mk node_modules/dep/index.js
    if [ $prod = 1 ]; then mk $store/unreferenced/devdep; else mk node_modules/devdep/index.js; mk $store/files/devdep; fi
    trace "pnpm install frozen=$frozen prod=$prod" ;;
  fetch) mk $store/unreferenced/devdep; mk $store/files/dep ;;
  store) [ "$args" = " prune" ] && rm -rf $store/unreferenced ;;
  *) trace "pnpm $sub$args" ;;
esac
`;

const RPM = `#!/bin/sh
. /stubs/_lib.sh
tool=\${0##*/}
rawlog "$tool" "$@"
yes=0; sub=; pkgs=
[ "$tool" = microdnf ] && yes=1
while [ $# -gt 0 ]; do
  case "$1" in
    -y|--assumeyes|--assume-yes|-n|--non-interactive|--no-confirm) yes=1 ;;
    --setopt|-x|--exclude|--enablerepo|--disablerepo) shift ;;
    --*) ;;
    -*) case "$1" in *y*) yes=1 ;; esac ;;
    *) if [ -z "$sub" ]; then sub=$1; else pkgs="$pkgs $1"; fi ;;
  esac
  shift
done
cache=/var/cache/$tool
[ "$tool" = microdnf ] && cache=/var/cache/yum
[ "$tool" = zypper ] && cache=/var/cache/zypp
needs_yes() { for p in $pkgs; do case "$p" in big-*) [ $yes = 1 ] || { echo "Is this ok [y/N]: Operation aborted." >&2; exit 1; } ;; esac; done; }
case "$sub" in
  install|in|groupinstall|reinstall)
    needs_yes
    for p in $pkgs; do mk /usr/share/pkgs/rpm/$p; done
    mk $cache/packages/meta
    trace "rpm install$pkgs" ;;
  remove|rm|erase) needs_yes; for p in $pkgs; do rm -f /usr/share/pkgs/rpm/$p; done; trace "rpm remove$pkgs" ;;
  update|upgrade|up) mk $cache/packages/meta; trace "rpm upgrade$pkgs" ;;
  makecache|refresh|ref) mk $cache/packages/meta ;;
  clean|cc) rm -rf $cache ;;
  *) trace "$tool $sub$pkgs" ;;
esac
`;

const DOWNLOAD = `#!/bin/sh
. /stubs/_lib.sh
tool=\${0##*/}
rawlog "$tool" "$@"
out=; url=; remote=0
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output|-O|--output-document)
      if [ "$tool" = curl ] && [ "$1" = -O ]; then remote=1; else shift; out=$1; fi ;;
    -qO-|-O-) out=- ;;
    -qO) shift; out=$1 ;;
    -*) ;;
    *) url=$1 ;;
  esac
  shift
done
case "$url" in *missing*) echo "$tool: 404 Not Found" >&2; [ "$tool" = curl ] && exit 22; exit 8 ;; esac
[ $remote = 1 ] && out=\${url##*/}
if [ -z "$out" ]; then if [ "$tool" = wget ]; then out=\${url##*/}; else out=-; fi; fi
if [ "$out" = - ]; then printf 'payload %s\n' "$url"; else mk "$out" "payload $url"; fi
trace "download $url"
`;

const TAR = `#!/bin/sh
. /stubs/_lib.sh
rawlog tar "$@"
dir=.; file=
while [ $# -gt 0 ]; do
  case "$1" in
    -C) shift; dir=$1 ;;
    -f) shift; file=$1 ;;
    -*f) shift; file=$1 ;;
    -*) ;;
  esac
  shift
done
if [ -n "$file" ]; then [ -f "$file" ] || { echo "tar: $file: Cannot open" >&2; exit 2; }; data=$(cat "$file"); else data=$(cat); fi
[ -n "$data" ] || { echo "tar: This does not look like a tar archive" >&2; exit 2; }
mk "$dir/extracted" "$data"
trace "tar extract into $dir"
`;

const SUDO = `#!/bin/sh
while [ $# -gt 0 ]; do case "$1" in -u) shift 2 ;; -*) shift ;; *) break ;; esac; done
exec "$@"
`;

const MAKE = `#!/bin/sh
. /stubs/_lib.sh
rawlog make "$@"
mk "./made\${1:+-$1}"
trace "make $*"
`;

const USERS = `#!/bin/sh
. /stubs/_lib.sh
rawlog "\${0##*/}" "$@"
for last in "$@"; do :; done
mk /etc/passwd.d/$last
trace "\${0##*/} $last"
`;

/** The stub scripts, by file name under /stubs (a name pointing to another stub's text shares it). */
export const STUBS: Readonly<Record<string, string>> = {
  '_lib.sh': LIB,
  'apt-get': APT,
  apt: APT,
  'apt-cache': APT_CACHE,
  apk: APK,
  pip: PIP,
  pip3: PIP,
  python3: PYTHON,
  npm: NPM,
  yarn: YARN,
  pnpm: PNPM,
  yum: RPM,
  dnf: RPM,
  microdnf: RPM,
  zypper: RPM,
  curl: DOWNLOAD,
  wget: DOWNLOAD,
  tar: TAR,
  sudo: SUDO,
  make: MAKE,
  groupadd: USERS,
  useradd: USERS,
  addgroup: USERS,
  adduser: USERS,
};
