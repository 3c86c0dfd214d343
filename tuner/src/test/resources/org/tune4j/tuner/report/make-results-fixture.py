"""Writes results.json beside this script: a hand-made 15-call study over the tutorial's space
(x0 first, one diverged trial), for the report tests. The accuracies come from a made-up smooth
function plus noise, not from training. Run: python3 make-results-fixture.py"""
import json, math, os, random
random.seed(19)
pts = [[1e-5,1,16,"relu"]]
fixed = [[3.2e-4,4,410,"sigmoid"],[2.1e-3,2,77,"relu"],[8.7e-6,5,230,"relu"],[4.4e-2/10,3,355,"sigmoid"],
         [1.3e-6,1,489,"relu"],[6.0e-4,3,142,"relu"],[1.1e-4,2,301,"sigmoid"],[9.5e-3,5,20,"sigmoid"],
         [2.7e-5,4,66,"relu"],[7.3e-3,1,455,"relu"],[1e-2,2,104,"relu"],[1e-2,1,512,"relu"],
         [5.1e-3,3,5,"relu"],[1e-2,5,512,"sigmoid"]]
pts += fixed
def acc(lr, layers, nodes, act):
    a = 0.99 - 0.09*abs(math.log10(lr)+2)**1.3/2 - 0.004*(layers-1) - (0.03 if nodes<20 else 0)
    if act=="sigmoid": a -= 0.02*layers*(1 if lr<5e-3 else 3)
    a += random.uniform(-0.004,0.004)
    return max(0.0974, min(0.9904, a))
trials=[]
for i,(lr,l,n,a) in enumerate(pts):
    num=i+1
    p={"learning_rate":lr,"num_dense_layers":l,"num_dense_nodes":n,"activation":a}
    name=f"lr_{lr:.0e}_layers_{l}_nodes_{n}_{a}"
    if num==15:
        trials.append({"number":num,"params":p,"value":0.0,"state":"failed","error":"TrainingDivergedException: loss became NaN at epoch 1, batch 212","seconds":21.4,"history":[],"log_dir":"logs/"+name})
        continue
    va=acc(lr,l,n,a); hist=[]
    for e in range(1,4):
        f=[0.85,0.96,1.0][e-1]
        hist.append({"epoch":e,"loss":round(2.3*(1-va*f)+0.03,4),"accuracy":round(va*f*0.995,4),"val_loss":round(2.3*(1-va*f)+0.04,4),"val_accuracy":round(va*f if e<3 else va,4),"seconds":round(14+0.02*n*l+random.uniform(0,2),2)})
    trials.append({"number":num,"params":p,"value":-round(va,4),"state":"complete","error":None,"seconds":round(sum(h["seconds"] for h in hist)+1.1,2),"history":hist,"log_dir":"logs/"+name})
best=min((t for t in trials if t["state"]=="complete"), key=lambda t:t["value"])
doc={"format":1,"kind":"tune",
 "config":{"calls":15,"epochs":3,"batch_size":128,"dataset":"mnist","limit":0,"threads":2,"kernels":"SIMD",
   "optimizer":{"surrogate":"GP","acquisition":"EI","xi":0.01,"kappa":1.96,"initial_points":10,"initial_design":"RANDOM","seed":19}},
 "space":{"learning_rate":{"type":"real","low":1e-6,"high":1e-2,"prior":"log-uniform"},
          "num_dense_layers":{"type":"integer","low":1,"high":5,"prior":"uniform"},
          "num_dense_nodes":{"type":"integer","low":5,"high":512,"prior":"uniform"},
          "activation":{"type":"categorical","categories":["relu","sigmoid"]}},
 "trials":trials,
 "best":{"number":best["number"],"params":best["params"],"value":best["value"]},
 "expected_minimum":{"params":{"learning_rate":0.0068,"num_dense_layers":2,"num_dense_nodes":131,"activation":"relu"},"predicted_value":-0.9871},
 "test":{"accuracy":0.9882,"loss":0.049}}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "results.json"), "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
print(best["number"], best["value"])
