// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ChainFixture} from "./utils/ChainFixture.sol";
import {IReleaseBridge} from "../src/interfaces/IReleaseBridge.sol";
import {IDataRegistry} from "../src/interfaces/IDataRegistry.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";

/// Drives the public chain's bridge + registry with honest and hostile
/// actions; ghost counters record anything that should never succeed.
contract BridgeHandler is ChainFixture {
    uint256 public certifiedApproved; // approved decisions relayed with a valid certificate
    uint256 public forgedAccepted; // relays with a bad certificate/header/proof that succeeded
    uint256 public replayAccepted; // relays accepted a second time
    uint256 public unauthorizedPublished; // publishes not from the bridge that succeeded
    uint256 public frozenSuperseded; // corrections accepted over a frozen record
    /// calls per handler action, so a run that exercised nothing fails (afterInvariant)
    mapping(string => uint256) public calls;
    uint256 internal nextBlock = 1;
    uint64 internal nextVersion = 1;
    bytes32 internal constant DS = keccak256("invariant dataset");

    struct Done {
        IReleaseBridge.Certificate c;
        bytes h;
        IReleaseBridge.LogProof[] p;
    }

    Done[] internal done;

    constructor() {
        _deployPublic(4);
    }

    function _try(IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p)
        internal
        returns (bool ok)
    {
        (ok,) = address(bridge).call(abi.encodeCall(bridge.relay, (c, h, epochSet(), p)));
    }

    /// An honest relay of an approved decision, sometimes a correction of the latest version.
    function relayApproved(bool correction) external {
        calls["relayApproved"]++;
        uint64 v = nextVersion;
        uint64 sup = correction && v > 1 ? v - 1 : 0;
        bool frozenTarget = sup != 0 && registry.getRecord(keccak256(abi.encode(DS, sup))).frozen;
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(nextBlock++, one(decisionLog(DS, v, sup, true)));
        if (_try(c, h, p) && registry.recordCount() > certifiedApproved) {
            certifiedApproved++;
            nextVersion++;
            if (frozenTarget) frozenSuperseded++;
            Done storage d = done.push();
            d.c = c;
            d.h = h;
            for (uint256 i = 0; i < p.length; i++) d.p.push(p[i]);
        }
    }

    /// A relay with one thing wrong: missing seal, outsider seal, changed header or proof byte.
    function relayForged(uint8 how, uint256 where) external {
        calls["relayForged"]++;
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(nextBlock++, one(decisionLog(DS, nextVersion, 0, true)));
        how = how % 4;
        if (how == 0) {
            bytes[] memory s = new bytes[](c.seals.length - 1);
            for (uint256 i = 0; i < s.length; i++) s[i] = c.seals[i];
            c.seals = s;
        } else if (how == 1) {
            c.seals[where % c.seals.length] = seal(uint256(keccak256(abi.encode("outsider", where))), c.number, c.blockHash);
        } else if (how == 2) {
            h[where % h.length] ^= 0x01;
        } else {
            bytes memory n = p[0].nodes[0];
            n[where % n.length] ^= 0x01;
        }
        if (_try(c, h, p)) forgedAccepted++;
    }

    function replay(uint256 i) external {
        calls["replay"]++;
        if (done.length == 0) return;
        Done storage d = done[i % done.length];
        if (_try(d.c, d.h, d.p)) replayAccepted++;
    }

    function publishDirectly(uint64 v) external {
        calls["publishDirectly"]++;
        try registry.publish(release(DS, v, 0)) returns (bytes32, IDataRegistry.PublishOutcome) {
            unauthorizedPublished++;
        } catch {}
    }

    function freezeLatest() external {
        calls["freezeLatest"]++;
        if (nextVersion == 1) return;
        bytes32 id = keccak256(abi.encode(DS, nextVersion - 1));
        if (registry.getRecord(id).frozen) return;
        vm.prank(supervisor);
        registry.freeze(id, "invariant freeze");
    }

    function unfreezeLatest() external {
        calls["unfreezeLatest"]++;
        if (nextVersion == 1) return;
        bytes32 id = keccak256(abi.encode(DS, nextVersion - 1));
        if (!registry.getRecord(id).frozen) return;
        vm.prank(supervisor);
        registry.unfreeze(id, "invariant unfreeze");
    }

    function registryAddr() external view returns (DataRegistry) {
        return registry;
    }
}

contract BridgeInvariantTest is Test {
    BridgeHandler internal handler;

    function setUp() public {
        handler = new BridgeHandler();
        targetContract(address(handler));
    }

    /// The handler's honest path really publishes and its hostile paths are
    /// really tried (so the invariants below are not vacuous).
    function test_handlerSanity() public {
        handler.relayApproved(false);
        handler.relayApproved(true);
        assertEq(handler.certifiedApproved(), 2);
        assertEq(handler.registryAddr().recordCount(), 2);
        for (uint8 how = 0; how < 4; how++) handler.relayForged(how, 77);
        handler.replay(0);
        handler.publishDirectly(9);
        handler.freezeLatest();
        handler.relayApproved(true); // correction of a frozen record: refused (not published)
        assertEq(handler.certifiedApproved(), 2);
        assertEq(handler.forgedAccepted() + handler.replayAccepted() + handler.unauthorizedPublished(), 0);
    }

    /// The run really drove the handler (invariants over a handler that was
    /// never called would pass vacuously). Per run, not per action: with six
    /// actions and a depth of 32, some run may well not call one of them.
    function afterInvariant() public view {
        string[6] memory actions =
            ["relayApproved", "relayForged", "replay", "publishDirectly", "freezeLatest", "unfreezeLatest"];
        uint256 total;
        for (uint256 i = 0; i < actions.length; i++) {
            total += handler.calls(actions[i]);
        }
        assertGt(total, 0, "the invariant run called no handler action");
    }

    /// Nothing is published without a certified quorum decision.
    function invariant_onlyCertifiedDecisionsPublished() public view {
        assertEq(handler.registryAddr().recordCount(), handler.certifiedApproved());
        assertEq(handler.forgedAccepted(), 0);
        assertEq(handler.unauthorizedPublished(), 0);
    }

    /// A relay is never accepted twice.
    function invariant_noReplay() public view {
        assertEq(handler.replayAccepted(), 0);
    }

    /// A frozen record is never published over.
    function invariant_frozenNeverSuperseded() public view {
        assertEq(handler.frozenSuperseded(), 0);
    }

    /// Supersede chains never cycle: following `supersedes` strictly lowers the
    /// version and ends within recordCount steps; back-links agree.
    function invariant_supersedeChainsAcyclic() public view {
        DataRegistry reg = handler.registryAddr();
        uint256 n = reg.recordCount();
        for (uint256 s = 0; s < n; s++) {
            IDataRegistry.Record memory r = reg.recordAt(s);
            uint256 steps = 0;
            while (r.supersedes != 0) {
                bytes32 olderId = keccak256(abi.encode(r.datasetId, r.supersedes));
                IDataRegistry.Record memory older;
                try reg.getRecord(olderId) returns (IDataRegistry.Record memory o) {
                    older = o;
                } catch {
                    break; // a correction relayed before the version it corrects
                }
                assertLt(older.version, r.version);
                assertEq(older.supersededBy, r.version);
                r = older;
                steps++;
                assertLe(steps, n);
            }
        }
    }
}
