FROM debian:bookworm
RUN <<EOF
set -e
apt-get update
apt-get install -y curl
EOF

RUN <<-EOT bash
	if true; then
		echo "indented with tabs"
	fi
	EOT

RUN python3 <<"PY" > /tmp/out.txt
print("${not expanded}")
PY

RUN <<FILE1 cat > /file1 && <<FILE2 cat > /file2
I am
first
FILE1
I am
second
FILE2

COPY --chmod=600 <<EOF /etc/motd
Welcome to $HOSTNAME
EOF

COPY <<robots.txt <<humans.txt /usr/share/nginx/html/
User-agent: *
robots.txt
We are people.
humans.txt
RUN echo "<<NOT_A_HEREDOC" && echo done
