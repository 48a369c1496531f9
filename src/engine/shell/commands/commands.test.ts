import { describe, it, expect } from 'vitest';
import { makeHarness } from '../testdata/harness';
import { FIXTURES } from './testdata/fixtures';

// Expected outputs were recorded from GNU bash 5.2 / coreutils 9.1 / mawk on Debian 12 running the same lines.

describe("grep", () => {
  it("grep Running pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep Running pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\ndb-0 1/1 Running 3 10m\n", err: "", status: 0 });
  });
  it("grep -c Running pods.txt; grep -v Running pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -c Running pods.txt; grep -v Running pods.txt")).toEqual({ out: "2\nNAME READY STATUS RESTARTS AGE\nweb-2 0/1 Pending 0 1m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("grep -in WEB pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -in WEB pods.txt")).toEqual({ out: "2:web-1 1/1 Running 0 5m\n3:web-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("grep -E 'Pending|Crash' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -E 'Pending|Crash' pods.txt")).toEqual({ out: "web-2 0/1 Pending 0 1m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("grep -o '[0-9]*m' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -o '[0-9]*m' pods.txt")).toEqual({ out: "5m\n1m\n10m\n30m\n", err: "", status: 0 });
  });
  it("grep -w web pods.txt; echo $?", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -w web pods.txt; echo $?")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n0\n", err: "", status: 0 });
  });
  it("grep nginx a.yaml b.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep nginx a.yaml b.yaml")).toEqual({ out: "a.yaml:  name: nginx\na.yaml:  - name: nginx\na.yaml:    image: nginx:1.25\n", err: "", status: 0 });
  });
  it("grep -A1 metadata a.yaml; grep -B1 -n image a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -A1 metadata a.yaml; grep -B1 -n image a.yaml")).toEqual({ out: "metadata:\n  name: nginx\n7-  - name: nginx\n8:    image: nginx:1.25\n", err: "", status: 0 });
  });
  it("grep -C1 web-2 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -C1 web-2 pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\n", err: "", status: 0 });
  });
  it("grep -q Pending pods.txt && echo found", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -q Pending pods.txt && echo found")).toEqual({ out: "found\n", err: "", status: 0 });
  });
  it("grep -l kind *.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -l kind *.yaml")).toEqual({ out: "a.yaml\nb.yaml\n", err: "", status: 0 });
  });
  it("grep nope nofile", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep nope nofile")).toEqual({ out: "", err: "grep: nofile: No such file or directory\n", status: 2 });
  });
  it("grep -x 'name: web' b.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -x 'name: web' b.yaml")).toEqual({ out: "name: web\n", err: "", status: 0 });
  });
  it("grep -e web -e db pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -e web -e db pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\n", err: "", status: 0 });
  });
  it("grep 'web\\|db' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep 'web\\|db' pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\n", err: "", status: 0 });
  });
  it("grep -m1 Running pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -m1 Running pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\n", err: "", status: 0 });
  });
  it("grep -h web pods.txt pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep -h web pods.txt pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("grep", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("grep")).toEqual({ out: "", err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2 });
  });
  it("kubectl get po | grep -c get", async () => {
    const h = makeHarness(FIXTURES);
    // The fake kubectl prints its argv, which contains "get".
    expect(await h.run("kubectl get po | grep -c get")).toEqual({ out: "1\n", err: "", status: 0 });
  });
});

describe("sed", () => {
  it("sed 's/web/WEB/' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/web/WEB/' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nWEB-1 1/1 Running 0 5m\nWEB-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("sed -n '2p' pods.txt; sed -n '/Pending/p' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -n '2p' pods.txt; sed -n '/Pending/p' pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("sed '1d' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed '1d' pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("sed 's|nginx|httpd|g' a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's|nginx|httpd|g' a.yaml")).toEqual({ out: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: httpd\nspec:\n  containers:\n  - name: httpd\n    image: httpd:1.25\n", err: "", status: 0 });
  });
  it("sed -e 's/a/A/g' -e 's/1/one/' csv.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -e 's/a/A/g' -e 's/1/one/' csv.txt")).toEqual({ out: "A,b,c\none,2,3\nx,,z\n", err: "", status: 0 });
  });
  it("sed -n '2,3p' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -n '2,3p' pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("sed '/Running/d' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed '/Running/d' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nweb-2 0/1 Pending 0 1m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("sed 's/\\(web\\)-\\([0-9]\\)/\\2-\\1/' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/\\(web\\)-\\([0-9]\\)/\\2-\\1/' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\n1-web 1/1 Running 0 5m\n2-web 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("sed -E 's/([a-z]+)-([0-9])/\\2:\\1/' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -E 's/([a-z]+)-([0-9])/\\2:\\1/' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\n1:web 1/1 Running 0 5m\n2:web 0/1 Pending 0 1m\n0:db 1/1 Running 3 10m\n7:api 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("sed 's/a/X/2' csv.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/a/X/2' csv.txt")).toEqual({ out: "a,b,c\n1,2,3\nx,,z\n", err: "", status: 0 });
  });
  it("sed -i 's/nginx/redis/' a.yaml; cat a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -i 's/nginx/redis/' a.yaml; cat a.yaml")).toEqual({ out: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\nspec:\n  containers:\n  - name: redis\n    image: redis:1.25\n", err: "", status: 0 });
  });
  it("sed 's/a' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/a' pods.txt")).toEqual({ out: "", err: "sed: -e expression #1, char 3: unterminated `s' command\n", status: 1 });
  });
  it("sed '$d' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed '$d' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\n", err: "", status: 0 });
  });
  it("sed -n 's/.*image: //p' a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -n 's/.*image: //p' a.yaml")).toEqual({ out: "nginx:1.25\n", err: "", status: 0 });
  });
  it("sed -n '/metadata/,/spec/p' a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed -n '/metadata/,/spec/p' a.yaml")).toEqual({ out: "metadata:\n  name: nginx\nspec:\n", err: "", status: 0 });
  });
  it("sed 's/[aeiou]//gI' b.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/[aeiou]//gI' b.yaml")).toEqual({ out: "knd: Srvc\nnm: wb\n", err: "", status: 0 });
  });
  it("sed 's/.*/\"&\"/' b.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sed 's/.*/\"&\"/' b.yaml")).toEqual({ out: "\"kind: Service\"\n\"name: web\"\n", err: "", status: 0 });
  });
});

describe("awk", () => {
  it("awk '{print $1}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{print $1}' pods.txt")).toEqual({ out: "NAME\nweb-1\nweb-2\ndb-0\napi-7\n", err: "", status: 0 });
  });
  it("awk 'NR>1 {print $1, $3}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk 'NR>1 {print $1, $3}' pods.txt")).toEqual({ out: "web-1 Running\nweb-2 Pending\ndb-0 Running\napi-7 CrashLoopBackOff\n", err: "", status: 0 });
  });
  it("awk -F, '{print $2}' csv.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk -F, '{print $2}' csv.txt")).toEqual({ out: "b\n2\n\n", err: "", status: 0 });
  });
  it("awk '$4 > 2 {print $1}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '$4 > 2 {print $1}' pods.txt")).toEqual({ out: "NAME\ndb-0\napi-7\n", err: "", status: 0 });
  });
  it("awk '/Running/ {n++} END {print n}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '/Running/ {n++} END {print n}' pods.txt")).toEqual({ out: "2\n", err: "", status: 0 });
  });
  it("awk 'BEGIN {OFS=\"-\"} {print $1,$2}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk 'BEGIN {OFS=\"-\"} {print $1,$2}' pods.txt")).toEqual({ out: "NAME-READY\nweb-1-1/1\nweb-2-0/1\ndb-0-1/1\napi-7-1/1\n", err: "", status: 0 });
  });
  it("awk '{sum += $1} END {print sum, NR, sum/NR}' nums.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{sum += $1} END {print sum, NR, sum/NR}' nums.txt")).toEqual({ out: "62 6 10.3333\n", err: "", status: 0 });
  });
  it("awk '{printf \"%-10s %5s\\n\", $1, $3}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{printf \"%-10s %5s\\n\", $1, $3}' pods.txt")).toEqual({ out: "NAME       STATUS\nweb-1      Running\nweb-2      Pending\ndb-0       Running\napi-7      CrashLoopBackOff\n", err: "", status: 0 });
  });
  it("awk -v x=3 'NR==x' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk -v x=3 'NR==x' pods.txt")).toEqual({ out: "web-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("awk '{print NF, $NF}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{print NF, $NF}' pods.txt")).toEqual({ out: "5 AGE\n5 5m\n5 1m\n5 10m\n5 30m\n", err: "", status: 0 });
  });
  it("awk 'length($1) > 4' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk 'length($1) > 4' pods.txt")).toEqual({ out: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("awk '{ if ($3 == \"Running\") print \"up\", $1; else print \"down\", $1 }' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{ if ($3 == \"Running\") print \"up\", $1; else print \"down\", $1 }' pods.txt")).toEqual({ out: "down NAME\nup web-1\ndown web-2\nup db-0\ndown api-7\n", err: "", status: 0 });
  });
  it("awk '{gsub(/-/, \"_\"); print}' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{gsub(/-/, \"_\"); print}' pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nweb_1 1/1 Running 0 5m\nweb_2 0/1 Pending 0 1m\ndb_0 1/1 Running 3 10m\napi_7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("awk '{ split($2, p, \"/\"); print p[1] + p[2] }' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{ split($2, p, \"/\"); print p[1] + p[2] }' pods.txt")).toEqual({ out: "0\n2\n1\n2\n2\n", err: "", status: 0 });
  });
  it("awk 'function sq(x) { return x*x } BEGIN { print sq(4) }'", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk 'function sq(x) { return x*x } BEGIN { print sq(4) }'")).toEqual({ out: "16\n", err: "", status: 0 });
  });
  it("awk '{ $1=$1; print }' OFS=: pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{ $1=$1; print }' OFS=: pods.txt")).toEqual({ out: "NAME:READY:STATUS:RESTARTS:AGE\nweb-1:1/1:Running:0:5m\nweb-2:0/1:Pending:0:1m\ndb-0:1/1:Running:3:10m\napi-7:1/1:CrashLoopBackOff:12:30m\n", err: "", status: 0 });
  });
  it("awk '{' pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("awk '{' pods.txt")).toEqual({ out: "", err: "awk: line 2: missing } near end of file\n", status: 2 });
  });
});

describe("sort, uniq, cut, wc, head, tail, tr", () => {
  it("sort nums.txt; sort -n nums.txt; sort -rn nums.txt; sort -u nums.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort nums.txt; sort -n nums.txt; sort -rn nums.txt; sort -u nums.txt")).toEqual({ out: "10\n10\n2\n2\n33\n5\n2\n2\n5\n10\n10\n33\n33\n10\n10\n5\n2\n2\n10\n2\n33\n5\n", err: "", status: 0 });
  });
  it("sort -k3 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort -k3 pods.txt")).toEqual({ out: "api-7 1/1 CrashLoopBackOff 12 30m\nweb-2 0/1 Pending 0 1m\nweb-1 1/1 Running 0 5m\ndb-0 1/1 Running 3 10m\nNAME READY STATUS RESTARTS AGE\n", err: "", status: 0 });
  });
  it("sort -t, -k2 csv.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort -t, -k2 csv.txt")).toEqual({ out: "x,,z\n1,2,3\na,b,c\n", err: "", status: 0 });
  });
  it("sort -k4,4nr pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort -k4,4nr pods.txt")).toEqual({ out: "api-7 1/1 CrashLoopBackOff 12 30m\ndb-0 1/1 Running 3 10m\nNAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("sort -n nums.txt | uniq -c", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort -n nums.txt | uniq -c")).toEqual({ out: "      2 2\n      1 5\n      2 10\n      1 33\n", err: "", status: 0 });
  });
  it("sort nums.txt | uniq -d", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("sort nums.txt | uniq -d")).toEqual({ out: "10\n2\n", err: "", status: 0 });
  });
  it("cut -d' ' -f1,3 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cut -d' ' -f1,3 pods.txt")).toEqual({ out: "NAME STATUS\nweb-1 Running\nweb-2 Pending\ndb-0 Running\napi-7 CrashLoopBackOff\n", err: "", status: 0 });
  });
  it("cut -d, -f2- csv.txt; cut -c1-3 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cut -d, -f2- csv.txt; cut -c1-3 pods.txt")).toEqual({ out: "b,c\n2,3\n,z\nNAM\nweb\nweb\ndb-\napi\n", err: "", status: 0 });
  });
  it("cut pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cut pods.txt")).toEqual({ out: "", err: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", status: 1 });
  });
  it("wc -l pods.txt; wc pods.txt; cat pods.txt | wc -l; wc -w < pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("wc -l pods.txt; wc pods.txt; cat pods.txt | wc -l; wc -w < pods.txt")).toEqual({ out: "5 pods.txt\n  5  25 134 pods.txt\n5\n25\n", err: "", status: 0 });
  });
  it("wc -l pods.txt a.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("wc -l pods.txt a.yaml")).toEqual({ out: "  5 pods.txt\n  8 a.yaml\n 13 total\n", err: "", status: 0 });
  });
  it("head -n 2 pods.txt; tail -n 2 pods.txt; head -2 pods.txt; tail -1 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("head -n 2 pods.txt; tail -n 2 pods.txt; head -2 pods.txt; tail -1 pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\nNAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("tail -n +3 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("tail -n +3 pods.txt")).toEqual({ out: "web-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n", err: "", status: 0 });
  });
  it("head -n -2 pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("head -n -2 pods.txt")).toEqual({ out: "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n", err: "", status: 0 });
  });
  it("head -n abc pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("head -n abc pods.txt")).toEqual({ out: "", err: "head: invalid number of lines: ‘abc’\n", status: 1 });
  });
  it("tr a-z A-Z < csv.txt; echo hello | tr -d l; echo 'a   b' | tr -s ' '", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("tr a-z A-Z < csv.txt; echo hello | tr -d l; echo 'a   b' | tr -s ' '")).toEqual({ out: "A,B,C\n1,2,3\nX,,Z\nheo\na b\n", err: "", status: 0 });
  });
  it("echo 'A-B' | tr '[:upper:]' '[:lower:]'", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("echo 'A-B' | tr '[:upper:]' '[:lower:]'")).toEqual({ out: "a-b\n", err: "", status: 0 });
  });
  it("tail nofile", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("tail nofile")).toEqual({ out: "", err: "tail: cannot open 'nofile' for reading: No such file or directory\n", status: 1 });
  });
});

describe("echo, printf, xargs, base64, seq, date", () => {
  it("echo -e 'a\\tb\\nc'; echo -n no-newline; echo", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("echo -e 'a\\tb\\nc'; echo -n no-newline; echo")).toEqual({ out: "a\tb\nc\nno-newline\n", err: "", status: 0 });
  });
  it("printf '%5d|%-5s|%05.1f\\n' 42 ab 3.14159", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("printf '%5d|%-5s|%05.1f\\n' 42 ab 3.14159")).toEqual({ out: "   42|ab   |003.1\n", err: "", status: 0 });
  });
  it("printf '%s\\n' a b c", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("printf '%s\\n' a b c")).toEqual({ out: "a\nb\nc\n", err: "", status: 0 });
  });
  it("printf '%x %o %X %c %%\\n' 255 8 255 hello", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("printf '%x %o %X %c %%\\n' 255 8 255 hello")).toEqual({ out: "ff 10 FF h %\n", err: "", status: 0 });
  });
  it("printf '%d\\n' abc", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("printf '%d\\n' abc")).toEqual({ out: "0\n", err: "bash: printf: abc: invalid number\n", status: 1 });
  });
  it("echo 'a b c' | xargs -n 1 echo x", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("echo 'a b c' | xargs -n 1 echo x")).toEqual({ out: "x a\nx b\nx c\n", err: "", status: 0 });
  });
  it("ls *.yaml | xargs -I {} echo file {}", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("ls *.yaml | xargs -I {} echo file {}")).toEqual({ out: "file a.yaml\nfile b.yaml\n", err: "", status: 0 });
  });
  it("echo abc | base64; echo YWJjCg== | base64 -d", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("echo abc | base64; echo YWJjCg== | base64 -d")).toEqual({ out: "YWJjCg==\nabc\n", err: "", status: 0 });
  });
  it("seq 3; seq 2 4; seq -s, 3", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("seq 3; seq 2 4; seq -s, 3")).toEqual({ out: "1\n2\n3\n2\n3\n4\n1,2,3\n", err: "", status: 0 });
  });
  it("date; date -u +%Y-%m-%dT%H:%M:%SZ", async () => {
    const h = makeHarness(FIXTURES);
    // Virtual time starts at the DEFAULT_EPOCH (2025-03-10T09:00:00Z).
    expect(await h.run("date; date -u +%Y-%m-%dT%H:%M:%SZ")).toEqual({ out: "Mon Mar 10 09:00:00 UTC 2025\n2025-03-10T09:00:00Z\n", err: "", status: 0 });
  });
  it("date -d @0", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("date -d @0")).toEqual({ out: "Thu Jan  1 00:00:00 UTC 1970\n", err: "", status: 0 });
  });
});

describe("files", () => {
  it("cat nofile; echo $?", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cat nofile; echo $?")).toEqual({ out: "1\n", err: "cat: nofile: No such file or directory\n", status: 0 });
  });
  it("cat -n b.yaml", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cat -n b.yaml")).toEqual({ out: "     1\tkind: Service\n     2\tname: web\n", err: "", status: 0 });
  });
  it("ls; ls nofile", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("ls; ls nofile")).toEqual({ out: "a.yaml\nb.yaml\ncsv.txt\nnums.txt\npods.txt\n", err: "ls: cannot access 'nofile': No such file or directory\n", status: 2 });
  });
  it("mkdir d; mkdir d; mkdir -p d/e/f; ls d", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("mkdir d; mkdir d; mkdir -p d/e/f; ls d")).toEqual({ out: "e\n", err: "mkdir: cannot create directory ‘d’: File exists\n", status: 0 });
  });
  it("touch x; rm x; rm x; rm -f x; echo $?", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("touch x; rm x; rm x; rm -f x; echo $?")).toEqual({ out: "0\n", err: "rm: cannot remove 'x': No such file or directory\n", status: 0 });
  });
  it("cp a.yaml c.yaml; mv c.yaml d.yaml; ls; cp nope x", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cp a.yaml c.yaml; mv c.yaml d.yaml; ls; cp nope x")).toEqual({ out: "a.yaml\nb.yaml\ncsv.txt\nd.yaml\nnums.txt\npods.txt\n", err: "cp: cannot stat 'nope': No such file or directory\n", status: 1 });
  });
  it("mkdir dd; cp a.yaml dd; cp dd ee; cp -r dd ee; ls ee", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("mkdir dd; cp a.yaml dd; cp dd ee; cp -r dd ee; ls ee")).toEqual({ out: "a.yaml\n", err: "cp: -r not specified; omitting directory 'dd'\n", status: 0 });
  });
  it("echo hi | tee t.txt; cat t.txt; echo more | tee -a t.txt > /dev/null; cat t.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("echo hi | tee t.txt; cat t.txt; echo more | tee -a t.txt > /dev/null; cat t.txt")).toEqual({ out: "hi\nhi\nhi\nmore\n", err: "", status: 0 });
  });
  it("rm -r nodir; rmdir pods.txt", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("rm -r nodir; rmdir pods.txt")).toEqual({ out: "", err: "rm: cannot remove 'nodir': No such file or directory\nrmdir: failed to remove 'pods.txt': Not a directory\n", status: 1 });
  });
  it("cat /tmp", async () => {
    const h = makeHarness(FIXTURES);
    expect(await h.run("cat /tmp")).toEqual({ out: "", err: "cat: /tmp: Is a directory\n", status: 1 });
  });
});
