import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { applyDefaults, generateJobSelector, imagePullPolicyFor } from './index';

const obj = (o: Record<string, unknown>): KObject => JSON.parse(JSON.stringify(o)) as KObject;

describe('applyDefaults', () => {
  it('gives a bare pod exactly what the API server adds (before admission)', () => {
    const pod = obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', labels: { run: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    applyDefaults('pods', pod);
    expect(pod.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst', enableServiceLinks: true, restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('defaults pull policy by tag, probes, ports, env fieldRef and volumes', () => {
    expect(imagePullPolicyFor('nginx:1.25')).toBe('IfNotPresent');
    expect(imagePullPolicyFor('nginx:latest')).toBe('Always');
    expect(imagePullPolicyFor('localhost:5000/app')).toBe('Always');
    expect(imagePullPolicyFor('nginx@sha256:abc')).toBe('IfNotPresent');
    const pod = obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {
      containers: [{ name: 'c', image: 'app:1', ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { port: 80 } },
        env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      volumes: [{ name: 'cfg', configMap: { name: 'x' } }, { name: 'tmp' }, { name: 'h', hostPath: { path: '/x' } }],
    } });
    applyDefaults('pods', pod);
    const c = (pod.spec as any).containers[0];
    expect(c.ports[0]).toEqual({ containerPort: 80, protocol: 'TCP' });
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(c.resources.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect((pod.spec as any).volumes).toEqual([{ name: 'cfg', configMap: { name: 'x', defaultMode: 420 } }, { name: 'tmp', emptyDir: {} }, { name: 'h', hostPath: { path: '/x', type: '' } }]);
    expect((pod.status as any).qosClass).toBe('Guaranteed');
  });

  it('defaults a deployment like kubectl create deployment + server', () => {
    const d = obj({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } });
    applyDefaults('deployments', d);
    const spec = d.spec as any;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    expect(spec.template.metadata.creationTimestamp).toBeNull();
    expect(spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(spec.template.spec.restartPolicy).toBe('Always');
  });

  it('defaults services, namespaces, secrets, jobs, cronjobs, statefulsets and daemonsets', () => {
    const svc = obj({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }], selector: { app: 'x' } } });
    applyDefaults('services', svc);
    expect(svc.spec).toEqual({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'x' }, sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(svc.status).toEqual({ loadBalancer: {} });

    const ns = obj({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    applyDefaults('namespaces', ns);
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });

    const sec = obj({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });
    applyDefaults('secrets', sec);
    expect(sec.type).toBe('Opaque');

    const job = obj({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', uid: 'u-1' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } });
    applyDefaults('jobs', job);
    expect((job.spec as any).selector).toBeUndefined();
    generateJobSelector(job);
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } } });
    expect((job.spec as any).template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' });

    const cj = obj({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } } });
    applyDefaults('cronjobs', cj);
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect((cj.spec as any).jobTemplate.spec.completions).toBeUndefined();

    const ss = obj({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: { spec: { containers: [{ name: 'db', image: 'postgres' }] } } } });
    applyDefaults('statefulsets', ss);
    expect(ss.spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } });

    const ds = obj({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'b' }] } } } });
    applyDefaults('daemonsets', ds);
    expect((ds.spec as any).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  });

  it('defaults RC selector and labels from the template', () => {
    const rc = obj({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: { metadata: { labels: { app: 'k' } }, spec: { containers: [{ name: 'a', image: 'b' }] } } } });
    applyDefaults('replicationcontrollers', rc);
    expect((rc.spec as any).selector).toEqual({ app: 'k' });
    expect(rc.metadata.labels).toEqual({ app: 'k' });
    expect((rc.spec as any).replicas).toBe(1);
  });
});
