import { describe, it, expect } from 'vitest';
import { decodeProtobufObject } from './protobuf';
import { readVarint } from './protobuf-wire';

// Bodies captured from kubectl v1.32 (create deployment web --image=nginx --replicas=3 --port=80;
// create secret docker-registry reg ...; create service clusterip svc1 --tcp=80:8080; create cronjob cj1 ...).
const b = (s: string) => Buffer.from(s, 'base64');
const DEPLOYMENT = b('azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErgBCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEoYBCAMSDAoKCgNhcHASA3dlYhpsChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEkwSLgoFbmdpbngSBW5naW54KgAyCgoAEAAYUCIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=');
const SECRET = b('azhzAAoMCgJ2MRIGU2VjcmV0EqMBChMKA3JlZxIAGgAiACoAMgA4AEIAEmwKES5kb2NrZXJjb25maWdqc29uEld7ImF1dGhzIjp7Imh0dHBzOi8vaW5kZXguZG9ja2VyLmlvL3YxLyI6eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAiLCJhdXRoIjoiZFRwdyJ9fX0aHmt1YmVybmV0ZXMuaW8vZG9ja2VyY29uZmlnanNvbhoAIgA=');
const SERVICE = b('azhzAAoNCgJ2MRIHU2VydmljZRJsCiEKBHN2YzESABoAIgAqADIAOABCAFoLCgNhcHASBHN2YzESQwobCgc4MC04MDgwEgNUQ1AYUCIHCAAQkD8aACgAEgsKA2FwcBIEc3ZjMRoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==');
const CRONJOB = b('azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhKnAQoTCgNjajESABoAIgAqADIAOABCABKNAQoLKi81ICogKiAqICoaACp8ChMKA2NqMRIAGgAiACoAMgA4AEIAEmUyYwoQCgASABoAIgAqADIAOABCABJPEigKA2NqMRIHYnVzeWJveBoEZGF0ZSoAQgBqAHIAgAEAiAEAkAEAogEAGglPbkZhaWx1cmUyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBABoAGgAiAA==');

describe('protobuf request bodies', () => {
  it('decodes a Deployment as kubectl create deployment builds it, dropping gogo zero values', () => {
    expect(decodeProtobufObject(DEPLOYMENT)).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 3, selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] } },
        strategy: {},
      },
    });
  });

  it('decodes Secret bytes as base64, Service targetPort as IntOrString, and CronJob job templates', () => {
    const s = decodeProtobufObject(SECRET);
    expect(s).toMatchObject({ kind: 'Secret', metadata: { name: 'reg' }, type: 'kubernetes.io/dockerconfigjson' });
    expect(Buffer.from((s.data as Record<string, string>)['.dockerconfigjson'], 'base64').toString()).toContain('"auth":"dTpw"');
    expect(decodeProtobufObject(SERVICE)).toMatchObject({ kind: 'Service', spec: { type: 'ClusterIP', selector: { app: 'svc1' }, ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }] } });
    expect(decodeProtobufObject(CRONJOB)).toMatchObject({ kind: 'CronJob', spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'cj1' }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'cj1', image: 'busybox', command: ['date'] }] } } } } } });
  });

  it('rejects bodies without the magic and reads varints', () => {
    expect(() => decodeProtobufObject(Buffer.from('{}'))).toThrow(/expected prefix/);
    expect(readVarint(Buffer.from([0xac, 0x02]), 0)).toEqual([300n, 2]);
  });
});
