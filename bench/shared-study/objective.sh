# (x - 0.5)^2 + y^2 after $SLEEP seconds (default 1.5; 0: at once); appends "start end" (epoch seconds) to $TIMES
read p
s=$(date +%s.%N)
[ "${SLEEP:-1.5}" = 0 ] || sleep "${SLEEP:-1.5}"
echo "$s $(date +%s.%N)" >> "$TIMES"
x=$(printf '%s' "$p" | sed 's/.*"x":\([-0-9.eE]*\).*/\1/')
y=$(printf '%s' "$p" | sed 's/.*"y":\([-0-9.eE]*\).*/\1/')
awk -v x="$x" -v y="$y" 'BEGIN { printf "%.6f\n", (x - 0.5) * (x - 0.5) + y * y }'
