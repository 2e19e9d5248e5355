// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {RLPWriter} from "./RLPWriter.sol";
import {DataRegistry} from "../../src/DataRegistry.sol";
import {ReleaseBridge} from "../../src/ReleaseBridge.sol";
import {IReleaseBridge} from "../../src/interfaces/IReleaseBridge.sol";
import {IDataRegistry} from "../../src/interfaces/IDataRegistry.sol";
import {IReviewBoard} from "../../src/interfaces/IReviewBoard.sol";
import {IValidatorSet} from "../../src/interfaces/IValidatorSet.sol";

/// Builds consortium blocks in Solidity: logs → typed receipts → a receipt
/// trie (one leaf, or a branch of leaves for up to 16 single-nibble-apart
/// keys) → a post-merge header (21 fields) → a certificate signed by
/// validator keys. The Go test (contracts/bridgetest) does the same with
/// go-ethereum's real trie and headers.
contract ChainFixture is Test {
    using RLPWriter for bytes;

    uint256 internal constant CONSORTIUM_CHAIN_ID = 4242;
    address internal constant REVIEW_BOARD = address(0xB0A4D);
    address internal constant VALIDATOR_SET = address(0x5E75);
    bytes32 internal constant DOMAIN = keccak256("sovereign.qbft.commit.v2");
    uint256 internal constant POLICY = 0x5a5;
    /// The code hash pinned as verifier version 1 of the test registries.
    bytes32 internal constant VERIFIER_CODE = keccak256("classification verifier v1");
    /// The department of every Decision in the fixtures (IReviewBoard: keccak256 of its name).
    bytes32 internal constant DEPT = keccak256("health");

    /// The set signing new blocks (sorted by address) and the bridge epoch it is.
    uint256[] internal valKeys;
    address[] internal vals;
    uint64 internal curEpoch;
    /// extraData of the headers built: validatorSetHash(vals) unless a test overrides it.
    bytes32 internal extra;
    /// when set, headers carry this extra data instead (any length)
    bytes internal extraOverride;
    address internal supervisor = address(0x5e9e);
    address internal officer = address(0x0ff1ce);
    DataRegistry internal registry;
    ReleaseBridge internal bridge;

    struct Ev {
        address emitter;
        bytes32[] topics;
        bytes data;
    }

    /// Registry + bridge starting at epoch 0, block 1, with nVals validators.
    function _deployPublic(uint256 nVals) internal {
        uint256[] memory keys = new uint256[](nVals);
        for (uint256 i = 0; i < nVals; i++) {
            keys[i] = uint256(keccak256(abi.encode("validator", i))) % (type(uint128).max) + 1;
        }
        useSet(0, keys);
        registry = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        bridge = new ReleaseBridge(registry, CONSORTIUM_CHAIN_ID, REVIEW_BOARD, VALIDATOR_SET, 0, 1, vals);
        registry.setBridge(address(bridge));
    }

    /// From now on blocks are built by the set of `keys` as bridge epoch e:
    /// valKeys/vals sorted by address, headers name its hash.
    function useSet(uint64 e, uint256[] memory keys) internal {
        delete valKeys;
        delete vals;
        for (uint256 i = 0; i < keys.length; i++) {
            // insertion by address
            address a = vm.addr(keys[i]);
            valKeys.push(keys[i]);
            vals.push(a);
            uint256 j = vals.length - 1;
            while (j > 0 && vals[j - 1] > a) {
                vals[j] = vals[j - 1];
                valKeys[j] = valKeys[j - 1];
                j--;
            }
            vals[j] = a;
            valKeys[j] = keys[i];
        }
        curEpoch = e;
        extra = keccak256(abi.encode(vals));
    }

    function sortedAddrs(uint256[] memory keys) internal pure returns (address[] memory out) {
        out = new address[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            address a = vm.addr(keys[i]);
            uint256 j = i;
            while (j > 0 && out[j - 1] > a) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = a;
        }
    }

    /// The EpochSet of the set building blocks now.
    function epochSet() internal view returns (IReleaseBridge.EpochSet memory s) {
        s.epoch = curEpoch;
        s.validators = vals;
    }

    function relay_(IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) internal {
        bridge.relay(c, h, epochSet(), p);
    }

    function checkpoint_(IReleaseBridge.Certificate memory c, bytes memory h) internal {
        bridge.checkpoint(c, h, epochSet());
    }

    // ---- logs and receipts ----

    function decisionLog(bytes32 datasetId, uint64 version, uint64 supersedes, bool approved)
        internal
        pure
        returns (Ev memory e)
    {
        e.emitter = REVIEW_BOARD;
        e.topics = new bytes32[](3);
        e.topics[0] = IReviewBoard.Decision.selector;
        e.topics[1] = keccak256(abi.encode(datasetId, version));
        e.topics[2] = datasetId;
        e.data = abi.encode(
            DEPT,
            version,
            uint8(0),
            uint8(0),
            uint256(keccak256(abi.encode("commitment", datasetId, version))),
            uint256(keccak256(abi.encode("root", datasetId, version))),
            keccak256(abi.encode("content", datasetId, version)),
            supersedes,
            approved,
            uint32(1) // verifierVersion
        );
    }

    /// ValidatorSet's ValidatorSetChanged(epoch, set).
    function setChangedLog(uint64 e, address[] memory set) internal pure returns (Ev memory ev) {
        ev.emitter = VALIDATOR_SET;
        ev.topics = new bytes32[](2);
        ev.topics[0] = IValidatorSet.ValidatorSetChanged.selector;
        ev.topics[1] = bytes32(uint256(e));
        ev.data = abi.encode(set);
    }

    /// The requester of every access decision in the fixtures.
    address internal constant REQUESTER = address(0x5EEC);

    function accessLog(bytes32 requestId, bytes32 recordId, bool granted, uint64 expiresAt)
        internal
        pure
        returns (Ev memory e)
    {
        return accessLog(requestId, recordId, REQUESTER, granted, expiresAt);
    }

    function accessLog(bytes32 requestId, bytes32 recordId, address requester, bool granted, uint64 expiresAt)
        internal
        pure
        returns (Ev memory e)
    {
        e.emitter = REVIEW_BOARD;
        e.topics = new bytes32[](3);
        e.topics[0] = IReviewBoard.AccessDecision.selector;
        e.topics[1] = requestId;
        e.topics[2] = recordId;
        e.data = abi.encode(requester, granted, expiresAt);
    }

    /// ReviewBoard's VerifierAdopted(version, verifier, codeHash).
    function verifierLog(uint32 version, address verifier, bytes32 codeHash) internal pure returns (Ev memory e) {
        e.emitter = REVIEW_BOARD;
        e.topics = new bytes32[](2);
        e.topics[0] = IReviewBoard.VerifierAdopted.selector;
        e.topics[1] = bytes32(uint256(version));
        e.data = abi.encode(verifier, codeHash);
    }

    /// ReviewBoard's Shredded(datasetId, receipt).
    function shredLog(bytes32 datasetId, bytes32 shredReceipt) internal pure returns (Ev memory e) {
        e.emitter = REVIEW_BOARD;
        e.topics = new bytes32[](2);
        e.topics[0] = IReviewBoard.Shredded.selector;
        e.topics[1] = datasetId;
        e.data = abi.encode(shredReceipt);
    }

    function encodeLog(Ev memory e) internal pure returns (bytes memory) {
        bytes[] memory t = new bytes[](e.topics.length);
        for (uint256 i = 0; i < t.length; i++) t[i] = RLPWriter.b32(e.topics[i]);
        bytes[] memory f = new bytes[](3);
        f[0] = RLPWriter.addr(e.emitter);
        f[1] = RLPWriter.list(t);
        f[2] = RLPWriter.bytesItem(e.data);
        return RLPWriter.list(f);
    }

    /// EIP-1559 (type 2) receipt with status 1.
    function receipt(Ev[] memory logs) internal pure returns (bytes memory) {
        bytes[] memory l = new bytes[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) l[i] = encodeLog(logs[i]);
        bytes[] memory f = new bytes[](4);
        f[0] = RLPWriter.uintItem(1);
        f[1] = RLPWriter.uintItem(21000 * (logs.length + 1));
        f[2] = RLPWriter.bytesItem(new bytes(256));
        f[3] = RLPWriter.list(l);
        return bytes.concat(hex"02", RLPWriter.list(f));
    }

    // ---- receipt trie ----

    /// Trie of receipts at indices 0..n-1 (n ≤ 16: keys rlp(0)=0x80 and
    /// 0x01..0x0f share no first nibble with 0x80, so the shape is one branch
    /// of leaves for n > 1... see _trie). Returns root and each index's proof.
    function receiptTrie(bytes[] memory receipts) internal pure returns (bytes32 root, bytes[][] memory proofs) {
        uint256 n = receipts.length;
        require(n >= 1 && n <= 16, "fixture: 1..16 receipts");
        proofs = new bytes[][](n);
        if (n == 1) {
            bytes memory leaf = _leaf(hex"2080", receipts[0]);
            proofs[0] = new bytes[](1);
            proofs[0][0] = leaf;
            return (keccak256(leaf), proofs);
        }
        // keys: 0x80 (index 0) → nibbles 8,0; 0x0i (index i ≥ 1) → nibbles 0,i.
        // Root branch: slot 8 → leaf path [0] (odd: 0x30); slot 0 → a branch
        // over the second nibble (n > 2) or a leaf path [i] (n == 2).
        bytes memory leaf0 = _leaf(hex"30", receipts[0]);
        bytes memory sub;
        bytes[] memory subLeaves = new bytes[](n);
        if (n == 2) {
            sub = _leaf(abi.encodePacked(uint8(0x31)), receipts[1]);
        } else {
            bytes[] memory kids = _emptyBranch();
            for (uint256 i = 1; i < n; i++) {
                subLeaves[i] = _leaf(hex"20", receipts[i]);
                kids[i] = RLPWriter.b32(keccak256(subLeaves[i]));
            }
            sub = RLPWriter.list(kids);
        }
        bytes[] memory rootKids = _emptyBranch();
        rootKids[8] = RLPWriter.b32(keccak256(leaf0));
        rootKids[0] = RLPWriter.b32(keccak256(sub));
        bytes memory rootNode = RLPWriter.list(rootKids);
        root = keccak256(rootNode);
        proofs[0] = new bytes[](2);
        proofs[0][0] = rootNode;
        proofs[0][1] = leaf0;
        for (uint256 i = 1; i < n; i++) {
            if (n == 2) {
                proofs[i] = new bytes[](2);
                proofs[i][0] = rootNode;
                proofs[i][1] = sub;
            } else {
                proofs[i] = new bytes[](3);
                proofs[i][0] = rootNode;
                proofs[i][1] = sub;
                proofs[i][2] = subLeaves[i];
            }
        }
    }

    function _leaf(bytes memory compactPath, bytes memory value) private pure returns (bytes memory) {
        bytes[] memory f = new bytes[](2);
        f[0] = RLPWriter.bytesItem(compactPath);
        f[1] = RLPWriter.bytesItem(value);
        return RLPWriter.list(f);
    }

    function _emptyBranch() private pure returns (bytes[] memory kids) {
        kids = new bytes[](17);
        for (uint256 i = 0; i < 17; i++) kids[i] = hex"80";
    }

    // ---- headers and certificates ----

    function header(uint256 number, bytes32 receiptsRoot) internal view returns (bytes memory) {
        bytes[] memory f = new bytes[](21);
        f[0] = RLPWriter.b32(keccak256(abi.encode("parent", number)));
        f[1] = RLPWriter.b32(0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347);
        f[2] = RLPWriter.addr(address(0xC0FFEE));
        f[3] = RLPWriter.b32(keccak256(abi.encode("state", number)));
        f[4] = RLPWriter.b32(keccak256(abi.encode("txs", number)));
        f[5] = RLPWriter.b32(receiptsRoot);
        f[6] = RLPWriter.bytesItem(new bytes(256));
        f[7] = RLPWriter.uintItem(0);
        f[8] = RLPWriter.uintItem(number);
        f[9] = RLPWriter.uintItem(30_000_000);
        f[10] = RLPWriter.uintItem(84_000);
        f[11] = RLPWriter.uintItem(1_760_000_000 + number);
        // validatorSetHash of the certifying set
        f[12] = RLPWriter.bytesItem(extraOverride.length != 0 ? extraOverride : abi.encodePacked(extra));
        f[13] = RLPWriter.b32(bytes32(0));
        f[14] = RLPWriter.bytesItem(new bytes(8));
        f[15] = RLPWriter.uintItem(7);
        f[16] = RLPWriter.b32(0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421);
        f[17] = RLPWriter.uintItem(0);
        f[18] = RLPWriter.uintItem(0);
        f[19] = RLPWriter.b32(keccak256(abi.encode("beacon", number)));
        f[20] = RLPWriter.b32(0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855);
        return RLPWriter.list(f);
    }

    function seal(uint256 key, uint256 number, bytes32 blockHash) internal pure returns (bytes memory) {
        return seal(key, number, 0, blockHash);
    }

    /// Commit seal v2: binds the round.
    function seal(uint256 key, uint256 number, uint256 round, bytes32 blockHash) internal pure returns (bytes memory) {
        bytes32 digest = keccak256(abi.encode(DOMAIN, CONSORTIUM_CHAIN_ID, number, round, blockHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    /// Certificate with seals of validators 0..k-1.
    function certify(uint256 number, bytes memory hdr, uint256 k)
        internal
        view
        returns (IReleaseBridge.Certificate memory c)
    {
        c.number = uint64(number);
        c.blockHash = keccak256(hdr);
        c.round = 0;
        c.seals = new bytes[](k);
        for (uint256 i = 0; i < k; i++) c.seals[i] = seal(valKeys[i], number, c.blockHash);
    }

    /// One block whose receipt i holds logs[i] (one log each); returns what a relay needs.
    function block_(uint256 number, Ev[] memory logs)
        internal
        view
        returns (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory proofs)
    {
        bytes[] memory receipts = new bytes[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) {
            Ev[] memory single = new Ev[](1);
            single[0] = logs[i];
            receipts[i] = receipt(single);
        }
        (bytes32 root, bytes[][] memory nodes) = receiptTrie(receipts);
        hdr = header(number, root);
        c = certify(number, hdr, (2 * vals.length + 2) / 3);
        proofs = new IReleaseBridge.LogProof[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) {
            proofs[i] = IReleaseBridge.LogProof({receiptIndex: i, nodes: nodes[i], logIndex: 0});
        }
    }

    /// One block whose single receipt (index 0) holds all logs; the first
    /// LogProof carries the proof, the others reuse it (empty nodes).
    function blockOneReceipt(uint256 number, Ev[] memory logs)
        internal
        view
        returns (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory proofs)
    {
        bytes[] memory receipts = new bytes[](1);
        receipts[0] = receipt(logs);
        (bytes32 root, bytes[][] memory nodes) = receiptTrie(receipts);
        hdr = header(number, root);
        c = certify(number, hdr, (2 * vals.length + 2) / 3);
        proofs = new IReleaseBridge.LogProof[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) {
            proofs[i] = IReleaseBridge.LogProof({receiptIndex: 0, nodes: i == 0 ? nodes[0] : new bytes[](0), logIndex: i});
        }
    }

    function one(Ev memory e) internal pure returns (Ev[] memory a) {
        a = new Ev[](1);
        a[0] = e;
    }

    function release(bytes32 datasetId, uint64 version, uint64 supersedes) internal pure returns (IDataRegistry.Release memory r) {
        r.datasetId = datasetId;
        r.department = DEPT;
        r.version = version;
        r.supersedes = supersedes;
        r.commitment = uint256(keccak256(abi.encode("commitment", datasetId, version)));
        r.releasedRoot = uint256(keccak256(abi.encode("root", datasetId, version)));
        r.contentHash = keccak256(abi.encode("content", datasetId, version));
        r.verifierVersion = 1;
    }
}
