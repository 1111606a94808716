# Sourced by the bin/ scripts that start servers on fixed private ports (bin/replica, bin/cluster).
# vigil_free_port prints a TCP port on 127.0.0.1 that nothing listens on, chosen at random below the kernel's
# ephemeral range (/proc/sys/net/ipv4/ip_local_port_range): outgoing connections never take such a port, so a server
# stopped and started again on it (a standby, PgBouncer, an instance in a fault test) finds it still free. Another
# process may still bind it first; the caller checks that the server answering is its own.
vigil_free_port() {
  local lowest=32768 port
  read -r lowest _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  while :; do
    port=$((10000 + RANDOM % (lowest - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
