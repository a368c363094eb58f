#!/bin/sh
# Puts Aiguillage in this user's applications menu, for the bundle this script sits in
# (wherever it was unpacked: no administrator rights needed, nothing outside the user's
# folders is touched). With --remove, takes the entry and the icon out again; the desk's
# data (database, backups, logs) is never touched.
set -eu
bundle=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/aiguillage.desktop"
icons="$data/icons/hicolor"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icons/256x256/apps/aiguillage.png" "$icons/scalable/apps/aiguillage.svg"
    echo "Aiguillage n’est plus dans le menu des applications."
    exit 0
fi
if [ ! -x "$bundle/aiguillage" ]; then
    echo "Ce script doit rester dans le dossier d’Aiguillage, à côté du programme aiguillage." >&2
    exit 1
fi
case "$bundle" in
    *[\"\`\$\\%]*)
        echo "Le chemin du dossier contient un caractère qu’un menu ne sait pas lancer (\" \` \$ \\ %) : déplacez le dossier d’Aiguillage." >&2
        exit 1 ;;
esac
mkdir -p "$data/applications" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$bundle/_internal/resources/icons/aiguillage.png" "$icons/256x256/apps/aiguillage.png"
cp "$bundle/_internal/resources/icons/aiguillage.svg" "$icons/scalable/apps/aiguillage.svg"
tmp="$entry.tmp"
while IFS= read -r line; do
    case "$line" in
        Exec=*) printf 'Exec="%s/aiguillage"\n' "$bundle" ;;
        TryExec=*) printf 'TryExec=%s/aiguillage\n' "$bundle" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$bundle/_internal/linux/aiguillage.desktop" > "$tmp"
mv "$tmp" "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "Aiguillage est dans le menu des applications ($entry)."
