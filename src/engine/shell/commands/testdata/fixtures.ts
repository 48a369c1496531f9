/** FIXTURES are the files every text-tool transcript starts with (in /root). */
export const FIXTURES: Record<string, string> = {
  "/root/pods.txt": "NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n",
  "/root/a.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n",
  "/root/b.yaml": "kind: Service\nname: web\n",
  "/root/nums.txt": "10\n2\n33\n2\n5\n10\n",
  "/root/csv.txt": "a,b,c\n1,2,3\nx,,z\n"
};
