#!/usr/bin/env bash
# Checks the container image end to end, without a Docker engine and without a container registry:
#
#  1. builds a base image from Debian packages (bookworm minbase and openjdk-17-jre-headless, by debootstrap) as a
#     docker-save tarball, cached in ~/.cache/usines-ouvertes/ for the next runs;
#  2. builds the platform's image on it with Jib: mvn ... package -pl webapp -am jib:buildTar
#     -Djib.from.image=tar://<base>, which writes webapp/target/usines-ouvertes-image.tar;
#  3. unpacks that image's layers in order and runs the image's own Entrypoint and Cmd, with its Env, User and
#     WorkingDir, chrooted in it (private mount and PID namespaces), with a data folder on its volume and a free port;
#     waits for GET /.health/ready and GET / to answer 200, then stops it with SIGTERM as an engine would.
#
# Needs root on Debian with the right to create mount namespaces (debootstrap, chroot, mounts) and, for the base image's first build, Debian's mirror (DEBIAN_MIRROR,
# default http://deb.debian.org/debian); without them it says so and exits 0 (skipped). Arguments go to Maven
# (e.g. -o to build offline). See docs/operations.md ("Container image").
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
START=$(date +%s)
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/usines-ouvertes
ARCH=$(dpkg --print-architecture 2>/dev/null || echo unknown)
# The base's recipe version is in its name: changing the recipe below builds a new one
BASE=$CACHE/check-base-bookworm-openjdk17-$ARCH-v1.tar
IMAGE=$REPO/webapp/target/usines-ouvertes-image.tar
WORK=$REPO/webapp/target/check-image

say() { printf 'check-image: %s\n' "$*"; }
skip() { say "SKIPPED: $*"; exit 0; }
fail() { say "FAILED: $*"; exit 1; }
elapsed() { echo "$(($(date +%s) - START)) s"; }

[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot, mounts); run it as root to check the image"
[ "$ARCH" != unknown ] || skip "not a Debian system (no dpkg)"
unshare --mount --pid --fork true 2>/dev/null \
  || skip "mount and PID namespaces cannot be created here (a container without CAP_SYS_ADMIN?)"

# The tools, from Debian's packages when missing
missing=()
for tool in debootstrap:debootstrap jq:jq curl:curl unshare:util-linux; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ] || [ ! -f "$BASE" ]; then
  curl -fsS --max-time 20 -o /dev/null "$MIRROR/dists/bookworm/Release" 2>/dev/null \
    || skip "Debian's mirror $MIRROR is not reachable (needed for ${missing[*]:-the base image})"
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# 1. The base image: Debian bookworm minbase with Java 17, one layer, docker-save format
build_base() {
  mkdir -p "$CACHE"
  local dir rootfs
  dir=$(mktemp -d "$CACHE/base.XXXXXX")
  rootfs=$dir/rootfs
  say "building the base image (debootstrap --variant=minbase bookworm, then openjdk-17-jre-headless) from $MIRROR"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$dir/build.log" 2>&1 \
    || { tail -n 30 "$dir/build.log"; fail "debootstrap failed (log: $dir/build.log)"; }
  # Java's package scripts need /proc: mounted in a private mount namespace, gone with it
  # shellcheck disable=SC2016 # the inner script's variables are its own
  unshare --mount --fork /bin/sh -ec '
    mount -t proc proc "$1/proc"
    chroot "$1" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless
    chroot "$1" apt-get clean
    chroot "$1" java -version' sh "$rootfs" >>"$dir/build.log" 2>&1 \
    || { tail -n 30 "$dir/build.log"; fail "installing Java in the base failed (log: $dir/build.log)"; }
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* "$rootfs"/var/cache/debconf/*-old
  : >"$rootfs/etc/resolv.conf"
  # An image holds no device, process or system files: the engine provides /dev, /proc and /sys
  tar --numeric-owner -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$dir/layer.tar" .
  rm -rf "$rootfs"
  local diff created config
  diff=sha256:$(sha256sum "$dir/layer.tar" | cut -c1-64)
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  jq -n --arg arch "$ARCH" --arg diff "$diff" --arg created "$created" '{
      architecture: $arch, os: "linux", created: $created,
      config: {Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"],
               Cmd: ["/bin/bash"]},
      rootfs: {type: "layers", diff_ids: [$diff]},
      history: [{created: $created,
                 created_by: "debootstrap --variant=minbase bookworm; apt-get install openjdk-17-jre-headless"}]}' \
    >"$dir/config.json"
  config=$(sha256sum "$dir/config.json" | cut -c1-64).json
  mv "$dir/config.json" "$dir/$config"
  jq -n --arg config "$config" '[{Config: $config, RepoTags: ["usines-ouvertes-check-base:bookworm"],
      Layers: ["layer.tar"]}]' >"$dir/manifest.json"
  tar -C "$dir" -cf "$dir/base.tar" manifest.json "$config" layer.tar
  mv "$dir/base.tar" "$BASE"
  rm -rf "$dir"
}
if [ -f "$BASE" ]; then
  say "base image: $BASE (cached)"
else
  build_base
  say "base image: $BASE ($(du -m "$BASE" | cut -f1) MB, built in $(elapsed))"
fi

# 2. The platform's image, by Jib on that base
mkdir -p "$REPO/webapp/target"
say "building the image: mvn -B -ntp${*:+ $*} -DskipTests package -pl webapp -am jib:buildTar -Djib.from.image=tar://$BASE"
if ! mvn -B -ntp "$@" -DskipTests package -pl webapp -am jib:buildTar "-Djib.from.image=tar://$BASE" \
    >"$REPO/webapp/target/check-image-maven.log" 2>&1; then
  tail -n 40 "$REPO/webapp/target/check-image-maven.log"
  fail "the image build failed (log: webapp/target/check-image-maven.log)"
fi
say "image: $IMAGE ($(du -m "$IMAGE" | cut -f1) MB, at $(elapsed))"

# 3. Unpack it and run its own entrypoint
rm -rf "$WORK"
mkdir -p "$WORK/image" "$WORK/rootfs"
tar --warning=no-unknown-keyword -C "$WORK/image" -xf "$IMAGE"
manifest=$WORK/image/manifest.json
config=$WORK/image/$(jq -r '.[0].Config' "$manifest")
layers=0
while read -r layer; do
  tar --warning=no-unknown-keyword --numeric-owner -C "$WORK/rootfs" -xf "$WORK/image/$layer"
  rm "$WORK/image/$layer"
  layers=$((layers + 1))
done < <(jq -r '.[0].Layers[]' "$manifest")
if [ -n "$(find "$WORK/rootfs" -name '.wh.*' -print -quit)" ]; then
  fail "the image has whiteout files, which this check does not apply"
fi
rootfs=$WORK/rootfs
mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t environment < <(jq -r '.config.Env // [] | .[]' "$config")
mapfile -t volumes < <(jq -r '.config.Volumes // {} | keys[]' "$config")
user=$(jq -r '.config.User // ""' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
ports=$(jq -r '.config.ExposedPorts // {} | keys | join(" ")' "$config")
say "unpacked $layers layers; Entrypoint+Cmd: ${command[*]}"
say "User: $user, WorkingDir: $workdir, Env: ${environment[*]}, Volumes: ${volumes[*]}, ExposedPorts: $ports"
[[ $user =~ ^[1-9][0-9]*:[0-9]+$ ]] || fail "the image's User '$user' is not a numeric non-root uid:gid"
[ ${#volumes[@]} -eq 1 ] || fail "expected one volume, found: ${volumes[*]}"
volume=${volumes[0]}
[ -d "$rootfs$volume" ] || fail "the volume $volume is not a folder of the image"

# A named volume starts as a copy of the image's folder (content, owner, mode), as Docker and Podman make it
cp -a "$rootfs$volume" "$WORK/volume"
port=
for candidate in $(shuf -i 20000-60999 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "no free port found"

pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null && sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true # --kill-child: the container's process goes with it
  fi
}
trap stop EXIT
# The first administrator's password as a secret file, mounted as Docker and Podman mount secrets
mkdir -p "$WORK/secrets"
head -c 24 /dev/urandom | base64 >"$WORK/secrets/admin-password"
chown "${user%%:*}" "$WORK/secrets/admin-password"
chmod 400 "$WORK/secrets/admin-password"
# Runs the image's Entrypoint and Cmd followed by the given arguments (as `docker run IMAGE ARGUMENTS...`), chrooted in
# the unpacked image with its Env, User and WorkingDir, the data folder on its volume and the secrets in /run/secrets
unshare_command=$(command -v unshare)
run_container() { # in a subshell: it ends in exec
  # shellcheck disable=SC2016 # the inner script's variables are its own
  exec unshare --mount --pid --fork --kill-child --mount-proc="$rootfs/proc" /bin/sh -ec '
      mount --rbind /dev "$1/dev"
      mount --bind "$3" "$1$2"
      mkdir -p "$1/run/secrets"
      mount --bind -o ro "$4" "$1/run/secrets"
      shift 4
      exec "$@"' sh "$rootfs" "$volume" "$WORK/volume" "$WORK/secrets" \
    env -i "${environment[@]}" "$unshare_command" --root="$rootfs" --wd="$workdir" \
      --setuid="${user%%:*}" --setgid="${user#*:}" -- "${command[@]}" "$@" </dev/null
}
arguments=(--port "$port" --admin-login check@example.fr --admin-password-file /run/secrets/admin-password)
say "starting it with the arguments ${arguments[*]}; data volume $WORK/volume at $volume, $WORK/secrets at /run/secrets"
run_container "${arguments[@]}" >"$WORK/platform.log" 2>&1 &
pid=$!

# Ready and serving the site
ready=
for _ in $(seq 1 180); do
  kill -0 "$pid" 2>/dev/null || { tail -n 40 "$WORK/platform.log"; fail "the container stopped (log: $WORK/platform.log)"; }
  if [ "$(curl -s -o "$WORK/ready.json" -w '%{http_code}' "http://127.0.0.1:$port/.health/ready")" = 200 ]; then
    ready=yes
    break
  fi
  sleep 1
done
[ -n "$ready" ] || { tail -n 40 "$WORK/platform.log"; fail "GET /.health/ready did not answer 200 within 180 s (log: $WORK/platform.log)"; }
say "GET /.health/ready -> 200 $(cat "$WORK/ready.json") (at $(elapsed))"
home=$(curl -s -o "$WORK/home.html" -w '%{http_code}' "http://127.0.0.1:$port/")
[ "$home" = 200 ] || fail "GET / answered $home"
say "GET / -> 200, $(wc -c <"$WORK/home.html") bytes, title: $(grep -o '<title>[^<]*' "$WORK/home.html" | head -n 1 | cut -c8-)"

# What runs: the JVM options, the environment and the user of the image
java_pid=$(pgrep -P "$pid" | head -n 1)
[ -n "$java_pid" ] || fail "the container's process was not found"
say "process: uid $(stat -c %u "/proc/$java_pid"), $(tr '\0' ' ' <"/proc/$java_pid/cmdline" | cut -c1-300)"
tr '\0' '\n' <"/proc/$java_pid/environ" | grep -qx 'MALLOC_ARENA_MAX=2' || fail "MALLOC_ARENA_MAX=2 is not in the process's environment"
[ "$(stat -c %u "/proc/$java_pid")" = "${user%%:*}" ] || fail "the process does not run as the image's user"
grep -q 'Administrator account check@example.fr created' "$WORK/platform.log" \
  || fail "the administrator was not created from the secret file"
say "administrator check@example.fr created from /run/secrets/admin-password"

# Stopped as an engine stops a container: SIGTERM to its process, which drains and exits
kill -TERM "$java_pid"
status=0
wait "$pid" || status=$?
pid=
[ "$status" = 143 ] || [ "$status" = 0 ] || { tail -n 20 "$WORK/platform.log"; fail "the platform exited with status $status after SIGTERM"; }
say "stopped by SIGTERM, exit status $status"
[ -d "$WORK/volume/repository" ] || fail "nothing was written to the data volume"
say "data volume: $(find "$WORK/volume" -mindepth 1 -maxdepth 1 -printf '%f ')(owner uid $(stat -c %u "$WORK/volume/repository"))"

# A command, on the stopped platform's volume: it finds the data folder in the image's config file too
command_arguments=(accounts create-admin --login second@example.fr --password-file /run/secrets/admin-password)
output=$(run_container "${command_arguments[@]}" 2>&1) || fail "'${command_arguments[*]}' failed: $output"
[[ $output == *"Administrator second@example.fr created in $volume"* ]] || fail "'${command_arguments[*]}' said: $output"
say "command '${command_arguments[*]}': $(grep -m 1 'Administrator second@example.fr created' <<<"$output")"
rm -rf "$rootfs"
say "OK: the image starts the platform, which answers /.health/ready and / with 200 and stops on SIGTERM, and runs its commands ($(elapsed))"
