#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Fyne needs to build with cgo (GL, X11,
# Xcursor, Xrandr, Xinerama, Xi, Xxf86vm, xkbcommon, wayland).
#
#   scripts/deps.sh          build dependencies
#   scripts/deps.sh --e2e    also xvfb, xdotool and imagemagick
#   scripts/deps.sh --fonts  also python3-fonttools (for scripts/fonts)
#   scripts/deps.sh --package  also what scripts/package and its test use:
#                            mingw-w64, Wine, desktop-file-utils, appstream,
#                            libxml2-utils, shared-mime-info, xz, zip, unzip
#
# Does nothing when everything is already installed. Otherwise installs as
# root, or through passwordless sudo, or prints the command and exits 1.
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev libwayland-dev)

for arg in "$@"; do
	case "$arg" in
	--e2e) packages+=(xvfb xdotool imagemagick) ;;
	--fonts) packages+=(python3-fonttools) ;;
	--package) packages+=(gcc-mingw-w64-x86-64 wine wine64 desktop-file-utils appstream libxml2-utils shared-mime-info xz-utils zip unzip file) ;;
	-h | --help)
		sed -n '2,13s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*)
		echo "deps.sh: unknown argument: $arg" >&2
		exit 2
		;;
	esac
done

installed() {
	local status
	status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
	[[ "$status" == "install ok installed" ]]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps.sh: not a Debian/Ubuntu system; install the equivalent of:" >&2
	echo "  ${packages[*]}" >&2
	exit 1
fi

missing=()
for pkg in "${packages[@]}"; do
	installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
	exit 0
fi

echo "deps.sh: missing packages: ${missing[*]}" >&2
install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"

if ((EUID == 0)); then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo -n apt-get update
	sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
else
	echo "deps.sh: run this as root (or with sudo), then try again:" >&2
	echo "  sudo sh -c '$install_cmd'" >&2
	exit 1
fi
