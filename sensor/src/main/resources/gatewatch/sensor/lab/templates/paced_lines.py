# Writes COUNT lines "TOPIC-less payloads" to stdout at seeded intervals (MIN-MAX s) for a piped
# client such as mosquitto_pub -l. argv: SEED COUNT MIN MAX PREFIX
import random, sys, time
seed, count, lo, hi, prefix = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rnd = random.Random(seed)
for i in range(count):
    print('{"sensor":"%s","seq":%d,"value":%.2f}' % (prefix, i, rnd.uniform(15, 30)), flush=True)
    time.sleep(rnd.uniform(lo, hi))
